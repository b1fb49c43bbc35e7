import Dispatch
import Foundation

/// On SIGINT or SIGTERM, removes the staging folders of the runs under way (the previous outputs stay
/// as they were) and exits 130 or 143, as a shell expects of a killed command.
final class Interruption: @unchecked Sendable {
    static let shared = Interruption()
    private let lock = NSLock()
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

    private func install() {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [unowned self] in
                self.lock.lock()
                for f in self.folders { try? FileManager.default.removeItem(atPath: f) }
                exit(128 + sig)
            }
            source.resume()
            sources.append(source)
        }
    }
}
