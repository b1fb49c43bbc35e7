import Foundation

/// A child process started with posix_spawn and reaped with waitpid: Foundation's Process can miss a
/// child's exit on Linux (seen with runuser starting pg_ctl) and then waits for ever. Output goes to
/// files (no pipe to fill), input optionally from a pipe the test writes to.
final class Spawned {
    let pid: pid_t
    private let outPath: String
    private let errPath: String
    private var input: Int32 = -1
    private(set) var exit: (status: Int32, signalled: Bool)?

    init(_ path: String, _ args: [String], environment: [String: String] = [:], stdin: Bool = false,
         directory: String = CLITests.root.path) throws {
        let base = NSTemporaryDirectory() + "caresite-spawn-\(UUID().uuidString)"
        (outPath, errPath) = (base + ".out", base + ".err")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var fds: [Int32] = [-1, -1]
        if stdin {
            guard pipe(&fds) == 0 else { throw ClusterError(message: "pipe: \(errno)") }
            posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
            posix_spawn_file_actions_addclose(&actions, fds[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        // The shell changes folder and becomes the program (same pid): glibc's addchdir is not in Swift's Glibc.
        let argv = (["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory, path] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, "/bin/sh", &actions, nil, argv, envp)
        if stdin { close(fds[0]) }
        guard rc == 0 else { if stdin { close(fds[1]) }; throw ClusterError(message: "\(path): cannot start (\(rc))") }
        pid = child
        input = stdin ? fds[1] : -1
    }

    deinit {
        if exit == nil { kill(pid, SIGKILL); _ = wait(timeout: 10) }
        closeInput()
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }

    func write(_ text: String) {
        guard input >= 0 else { return }
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(input, $0.baseAddress, $0.count - 1) }
    }

    func closeInput() {
        if input >= 0 { close(input); input = -1 }
    }

    /// Waits for the exit, killing the child after `timeout` seconds; true when it had to be killed.
    @discardableResult
    func wait(timeout: Double) -> Bool {
        if exit != nil { return false }
        let end = Date().addingTimeInterval(timeout)
        var status: Int32 = 0, killed = false
        while waitpid(pid, &status, WNOHANG) == 0 {
            if !killed && Date() > end { kill(pid, SIGKILL); killed = true }
            usleep(20_000)
        }
        let signalled = (status & 0x7f) != 0
        exit = (signalled ? status & 0x7f : (status >> 8) & 0xff, signalled)
        return killed
    }

    var stdout: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }
}
