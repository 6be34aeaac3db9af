internal import CGit2

/// The full SHA-1 id of a commit, stored as 20 bytes and shown as 40 lowercase hex characters.
public struct CommitID: Hashable, Sendable, Comparable, CustomStringConvertible {
    // The 20 id bytes in big-endian words, so integer order is byte (and hex) order.
    let high: UInt64
    let middle: UInt64
    let low: UInt32

    /// The hex digits, by value.
    private static let hexDigits: StaticString = "0123456789abcdef"

    /// The id as 40 lowercase hex characters.
    public var hex: String {
        String(unsafeUninitializedCapacity: 40) { buffer in
            let table = Self.hexDigits.utf8Start
            var index = 0
            func put(_ value: UInt64, bytes: Int) {
                var shift = (bytes - 1) * 8
                while shift >= 0 {
                    let byte = Int((value >> UInt64(shift)) & 0xff)
                    buffer[index] = table[byte >> 4]
                    buffer[index + 1] = table[byte & 0xf]
                    index += 2
                    shift -= 8
                }
            }
            put(high, bytes: 8)
            put(middle, bytes: 8)
            put(UInt64(low), bytes: 4)
            return 40
        }
    }

    /// The first 7 hex characters, as `git log --oneline` shows them.
    public var short: String {
        String(unsafeUninitializedCapacity: 7) { buffer in
            let table = Self.hexDigits.utf8Start
            for index in 0..<7 {
                let nibble = Int((high >> UInt64(60 - 4 * index)) & 0xf)
                buffer[index] = table[nibble]
            }
            return 7
        }
    }

    /// The 40 hex characters.
    public var description: String { hex }

    /// Creates an id from exactly 40 hex characters (either case); nil for anything else.
    public init?(hex: String) {
        self.init(hexBytes: hex.utf8)
    }

    /// Creates an id from exactly 40 hex characters (either case) given as UTF-8 bytes; nil for anything else.
    /// The bytes go straight into the three words (packed-refs is read with it: a line per tag).
    init?<Bytes: Collection<UInt8>>(hexBytes bytes: Bytes) {
        var high: UInt64 = 0, middle: UInt64 = 0, low: UInt32 = 0
        var count = 0
        for char in bytes {
            let nibble: UInt64
            switch char {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt64(char - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt64(char - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt64(char - UInt8(ascii: "A") + 10)
            default: return nil
            }
            switch count {
            case 0..<16: high = high << 4 | nibble
            case 16..<32: middle = middle << 4 | nibble
            case 32..<40: low = low << 4 | UInt32(nibble)
            default: return nil
            }
            count += 1
        }
        guard count == 40 else { return nil }
        self.high = high
        self.middle = middle
        self.low = low
    }

    /// Copies a libgit2 oid (the pointer is borrowed).
    @inline(__always)
    init(_ oid: UnsafePointer<git_oid>) {
        let raw = UnsafeRawPointer(oid)
        high = UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))
        middle = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        low = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
    }

    /// The libgit2 oid for this id.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle.bigEndian, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// Hashes the first 8 bytes only: they are already uniformly distributed, and equal ids hash equally.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(high)
    }

    /// Orders ids by their bytes, which is also the order of their hex strings.
    public static func < (lhs: CommitID, rhs: CommitID) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}

extension CommitID: Codable {
    /// Decodes an id from its 40-character hex string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = CommitID(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a 40-character hex commit id")
        }
        self = id
    }

    /// Encodes the id as its 40-character hex string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
