import Dispatch
import Foundation

/// On SIGINT or SIGTERM, removes the staging folders of the runs under way (the previous outputs stay
/// as they were) and exits 130 or 143, as a shell expects of a killed command. A commit under way
/// finishes first (it holds the lock the handler takes), so the folder holds one whole set either way.
public final class Interruption: @unchecked Sendable {
    public static let shared = Interruption()
    /// Held by a commit, and by the handler until the process ends.
    private let lock = NSLock()
    private let flagLock = NSLock()
    private var signalled = false
    private var folders: Set<String> = []
    private var sources: [DispatchSourceSignal] = []

    func register(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        if sources.isEmpty { install() }
        folders.insert(folder)
    }

    func unregister(_ folder: String) {
        lock.lock()
        folders.remove(folder)
        lock.unlock()
    }

    /// Runs `body` (moving a set into place) with no interruption in the middle of it.
    func uninterrupted<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// For the failure path: a failure the interruption caused (its staging folder removed under a
    /// write) ends as the interruption, with its exit status, not as an error.
    public func waitIfInterrupted() {
        guard flagLock.withLock({ signalled }) else { return }
        while true { sleep(60) }
    }

    private func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [unowned self] in self.interrupt(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// `_exit`, not `exit`: the main thread may be inside GDAL or PROJ, whose static destructors must
    /// not run under it.
    private func interrupt(_ sig: Int32) -> Never {
        flagLock.withLock { signalled = true }
        lock.lock()
        for folder in folders { Self.remove(folder) }
        _exit(128 + sig)
    }

    /// Renamed first, so that no new file can be created in it by path while it is removed.
    private static func remove(_ folder: String) {
        let doomed = folder + "-removing"
        let target = rename(folder, doomed) == 0 ? doomed : folder
        try? FileManager.default.removeItem(atPath: target)
    }
}
