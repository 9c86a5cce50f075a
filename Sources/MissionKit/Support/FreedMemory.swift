import CProcessSupport

/// Hands memory freed by a large transient structure back to the system.
///
/// cmark builds a tree of many small nodes (about 15 times the text of a long paragraph or
/// quote); once freed, glibc keeps those pages for later small allocations, while the large
/// arrays a run makes next come from fresh pages, so the run's peak was the tree plus what
/// followed it.
enum FreedMemory {
    /// Pieces smaller than this are left alone: their trees fit in memory the run reuses anyway.
    static let threshold = 1 << 20

    static func release(afterFreeing bytes: Int) {
        guard bytes >= threshold else { return }
        mc_release_free_memory()
    }
}
