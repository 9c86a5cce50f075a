// What the light product takes from the platform: FoundationEssentials (files, data, dates,
// process info) and the C library, never the whole of Foundation. Foundation's NSString,
// formatters and regular expressions bring CoreFoundation and ICU's 34 MB of locale data with
// them: the static binary was 58 MB stripped, for text that is never localised.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
#if canImport(Glibc)
@_exported import Glibc
#elseif canImport(Musl)
@_exported import Musl
#elseif canImport(Darwin)
@_exported import Darwin
#endif
@_exported import Dispatch
