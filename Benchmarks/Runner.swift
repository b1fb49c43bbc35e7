import Foundation

/// Runs a command and measures its wall time and peak resident memory (from wait4's rusage).
enum Runner {
    struct Result { let seconds: Double; let peakMB: Double; let stdout: String }

    static func run(_ binary: String, _ arguments: [String]) throws -> Result {
        let outPath = NSTemporaryDirectory() + "caresite-bench-out-\(getpid())"
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        let out = FileHandle(forWritingAtPath: outPath)!
        var fileActions: posix_spawn_file_actions_t = .init()
        posix_spawn_file_actions_init(&fileActions)
        posix_spawn_file_actions_adddup2(&fileActions, out.fileDescriptor, 1)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = Date()
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &fileActions, nil, argv, environ) == 0 else {
            throw BenchError("cannot run \(binary)")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Date().timeIntervalSince(start)
        try out.close()
        let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        guard status == 0 else { throw BenchError("\(binary) \(arguments.joined(separator: " ")) failed (status \(status))\n\(text)") }
        return Result(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, stdout: text)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
