import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A character encoding that bytes are decoded from, strictly: a byte sequence that is not valid in
/// it is refused, never replaced by U+FFFD. UTF-8 is checked by Swift; the others go through iconv.
public final class TextEncoding {
    /// The name as the user or the file gave it ("GBK", "936", "UTF-8").
    public let label: String
    /// The name iconv knows it by ("GB18030" for every GBK alias: GB18030 is its superset).
    public let iconvName: String
    private let converter: iconv_t?

    public var isUTF8: Bool { converter == nil }

    /// Throws for a name iconv does not know.
    public init(_ label: String) throws {
        self.label = label
        let name = TextEncoding.canonical(label)
        iconvName = name
        guard name != "UTF-8" else { converter = nil; return }
        let cd = iconv_open("UTF-8", name)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw GeoError("unknown encoding \"\(label)\"; use e.g. UTF-8, GBK (or GB18030, 936), BIG5, CP1252")
        }
        converter = cd
    }

    deinit { if let converter { iconv_close(converter) } }

    /// Valid UTF-8 (ASCII checked first, the common case).
    public static func isUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }

    /// Chinese Windows and most Chinese desktop-GIS exports write GBK; GB18030 decodes all of it.
    public static func gb18030() -> TextEncoding { try! TextEncoding("GB18030") }

    /// Aliases folded to the name iconv uses.
    static func canonical(_ label: String) -> String {
        let key = label.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "_", with: "-")
        switch key {
        case "UTF-8", "UTF8", "65001", "CP65001": return "UTF-8"
        case "GBK", "GB2312", "GB-2312", "CP936", "936", "ANSI 936", "EUC-CN", "GB18030", "GB-18030", "54936":
            return "GB18030"
        case "BIG5", "BIG-5", "CP950", "950": return "BIG5"
        default:
            if let n = Int(key), n > 0, n < 100_000 { return "CP\(n)" }
            return key
        }
    }

    /// The text, or nil where the bytes are not valid in this encoding.
    public func decode(_ bytes: [UInt8]) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard let converter else { return String(validating: bytes, as: UTF8.self) }
        // Reset the converter's shift state, then convert in one call (output at most 4 bytes per input byte).
        iconv(converter, nil, nil, nil, nil)
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress, outPtr = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                let r = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                return r == -1 || inLeft != 0 ? nil : outBuf.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output[0..<produced].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension TextEncoding {
    /// UTF-8 text → bytes in this encoding (for making test fixtures in GBK, say); nil where it cannot.
    public func encodeForTests(_ text: String) -> [UInt8]? {
        let cd = iconv_open(iconvName, "UTF-8")
        guard let cd, Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress, outPtr = outBuf.baseAddress
                var inLeft = inBuf.count, outLeft = outBuf.count
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 ? nil : outBuf.count - outLeft
            }
        }
        return produced.map { output[0..<$0].map { UInt8(bitPattern: $0) } }
    }
}
