import Crypto
import Foundation
import _CryptoExtras

/// Password hashing and API tokens.
///
/// Passwords: scrypt (swift-crypto) with a random salt. API tokens: 32 random hex characters like
/// Toggl's, stored as a SHA-256 hash (for lookups) and sealed with AES-GCM under a key derived
/// from the server secret (so `/me` can show the token): a leaked database reveals no token,
/// each token can be revoked on its own (`POST /me/reset_token`), and two databases never share one.
public struct Credentials: Sendable {
    let secret: [UInt8]
    /// scrypt's N (CPU/memory cost): 16384 in production, lower only in tests.
    let scryptRounds: Int

    public init(secret: [UInt8], scryptRounds: Int = 16384) {
        self.secret = secret
        self.scryptRounds = scryptRounds
    }

    /// A random 32-byte secret.
    public static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// A new API token: 128 random bits as 32 hex characters.
    public func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The token encrypted for storage (base64 of AES-GCM's nonce, ciphertext and tag).
    public func seal(_ token: String) -> String? {
        (try? AES.GCM.seal(Array(token.utf8), using: sealingKey).combined).map { $0.base64EncodedString() }
    }

    /// The token `seal` stored, or nil when it was sealed under another secret (or is damaged).
    public func open(_ sealed: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
            let plain = try? AES.GCM.open(box, using: sealingKey)
        else { return nil }
        return String(decoding: plain, as: UTF8.self)
    }

    var sealingKey: SymmetricKey {
        SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array("api_token:seal:v1".utf8), using: SymmetricKey(data: secret)))
    }

    /// A stable 22-character account id (`toggl_accounts_id`), from the user id.
    public func accountID(userID: Int64) -> String {
        let digest = SHA256.hash(data: Array("toggl_accounts_id:\(userID)".utf8))
        return String(
            Data(digest).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").prefix(22))
    }

    /// The token of versions before random tokens: HMAC-SHA256(secret, user id). Still accepted
    /// for users who have not reset theirs (its hash is what their row holds).
    public func token(userID: Int64) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array("api_token:v1:\(userID)".utf8), using: SymmetricKey(data: secret))
        return String(hex(Array(mac)).prefix(32))
    }

    public func tokenHash(_ token: String) -> String {
        hex(Array(SHA256.hash(data: Array(token.utf8))))
    }

    public func hashPassword(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let key = try derive(password, salt: salt, rounds: scryptRounds)
        return "scrypt$\(scryptRounds)$8$1$\(hex(salt))$\(hex(key))"
    }

    public func verifyPassword(_ password: String, hash stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let rounds = Int(parts[1]), let salt = unhex(parts[4]),
            let expected = unhex(parts[5]), let key = try? derive(password, salt: salt, rounds: rounds)
        else { return false }
        // Constant time: compare every byte.
        guard key.count == expected.count else { return false }
        return zip(key, expected).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func derive(_ password: String, salt: [UInt8], rounds: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: rounds, blockSize: 8, parallelism: 1)
        return key.withUnsafeBytes { Array($0) }
    }

    func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    func unhex(_ s: String) -> [UInt8]? {
        let chars = Array(s.utf8)
        guard chars.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        var i = 0
        while i < chars.count {
            guard let hi = Self.nibble(chars[i]), let lo = Self.nibble(chars[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        case 65...70: c - 55
        default: nil
        }
    }
}
