/// Text produced piece by piece and handed on in chunks: appends collect in a buffer that goes
/// to `sink` whenever it passes `chunkSize`, so a page of any length is written with a small
/// buffer instead of being held whole (a report is several times the size of its input).
public final class TextOutput {
    private var buffer = ""
    private let chunkSize: Int
    private let sink: (String) throws(MissionError) -> Void
    /// The first error of the sink; later chunks are dropped, and `finish()` throws it.
    private var failure: MissionError?

    public init(chunkSize: Int = 1 << 16, sink: @escaping (String) throws(MissionError) -> Void) {
        self.chunkSize = chunkSize
        self.sink = sink
        buffer.reserveCapacity(chunkSize + 4096)
    }

    public static func += (output: TextOutput, text: String) {
        // A piece as large as a chunk goes on as it is: copying it into the buffer would hold it twice.
        if text.utf8.count >= output.chunkSize {
            output.flush()
            output.send(text)
            return
        }
        output.buffer += text
        if output.buffer.utf8.count >= output.chunkSize { output.flush() }
    }

    /// Hands what is buffered to the sink, then throws the sink's first error, if any.
    public func finish() throws(MissionError) {
        flush()
        if let failure { throw failure }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ text: String) {
        guard failure == nil else { return }
        do throws(MissionError) {
            try sink(text)
        } catch {
            failure = error
        }
    }

    /// Everything `produce` writes, as one string (for tests and small outputs).
    public static func collect(_ produce: (TextOutput) -> Void) -> String {
        var all = ""
        let output = TextOutput { all += $0 }
        produce(output)
        output.flush()
        return all
    }
}

extension JSONStreamWriter {
    /// A pretty JSON writer whose chunks go to `out`.
    public init(to out: TextOutput) {
        self.init { out += String(decoding: $0, as: UTF8.self) }
    }
}
