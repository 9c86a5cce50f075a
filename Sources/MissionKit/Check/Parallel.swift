import Dispatch

/// Maps over an array on all cores, keeping the order of the input.
enum Parallel {
    private final class Slots<T>: @unchecked Sendable {
        var values: [T?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }

    static func map<T: Sendable>(_ items: [String], _ transform: @Sendable (String) -> T) -> [T] {
        if items.count < 8 { return items.map(transform) }
        let slots = Slots<T>(count: items.count)
        slots.values.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableBufferPointerBox(buffer)
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                // Each iteration writes only its own slot.
                base.buffer[i] = transform(items[i])
            }
        }
        return slots.values.compactMap { $0 }
    }

    private struct UnsafeMutableBufferPointerBox<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>
        init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
    }
}
