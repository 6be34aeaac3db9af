internal import CCmark

/// The version of libcmark this binary links against.
public enum CommonMark {
    /// `cmark_version_string()`, e.g. "0.30.2".
    public static var libraryVersion: String { String(cString: cmark_version_string()) }
}
