/// Tag ids stored as a compact text list ("1,5,9"), the same in both stores.
enum TagList {
    static func encode(_ ids: [Int64]) -> String { ids.map(String.init).joined(separator: ",") }
    static func decode(_ text: String) -> [Int64] { text.split(separator: ",").compactMap { Int64($0) } }
}
