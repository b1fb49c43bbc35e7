import Foundation

/// One run: a command over inputs of which one is mutated, and the checks on what it did.
struct Trial {
    let dir: String
    let args: [String]
    let inputs: [String]

    static func make(_ rng: inout SplitMix, originals: [String: [UInt8]], dir: String) -> Trial {
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let mutated = rng.pick(Array(originals.keys).sorted())
        var paths: [String: String] = [:]
        for (role, bytes) in originals {
            let path = dir + "/\(role).geojson"
            let data = role == mutated && rng.below(5) != 0 ? Mutator.mutate(bytes, &rng) : bytes
            try? Data(data).write(to: URL(fileURLWithPath: path))
            paths[role] = path
        }
        var args: [String]
        switch rng.below(3) {
        case 0: args = ["flag"]
        case 1: args = ["site", "--candidates", paths["candidates"]!, "--p", "3", "--time-limit", "5", "--quiet"]
        default: args = ["site", "--candidates", paths["candidates"]!, "--objective", rng.pick(["distance", "cover-all", "capacitated-coverage"]),
                         "--time-limit", "5", "--quiet"]
        }
        if args.contains("distance") || args.contains("capacitated-coverage") { args += ["--p", "2"] }
        args += ["--communities", paths["communities"]!, "--facilities", paths["facilities"]!, "--streets", paths["streets"]!,
                 "--out", dir + "/out"]
        if rng.below(3) == 0 { args += [rng.pick(Mutator.numericOptions), rng.pick(Mutator.optionValues)] }
        return Trial(dir: dir, args: args, inputs: paths.values.sorted())
    }

    /// Nil when all went as it must; else what went wrong.
    func run(_ binary: String, timeout: Double) throws -> String? {
        let before = try inputs.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return "hang (more than \(Int(timeout)) s)"
        }
        if p.terminationReason == .uncaughtSignal { return "crash: signal \(p.terminationStatus)" }
        if p.terminationStatus >= 128 { return "crash: exit \(p.terminationStatus)" }
        if try inputs.map({ try Data(contentsOf: URL(fileURLWithPath: $0)) }) != before { return "an input was modified" }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        if p.terminationStatus != 0, written.contains(where: { !$0.hasPrefix(".") }) { return "a failed run left \(written)" }
        if p.terminationStatus == 0, !written.contains("summary.json") { return "a run that succeeded wrote no summary.json" }
        if written.contains(where: { $0.hasPrefix(".caresite-staging-") }) { return "a staging folder was left behind" }
        return nil
    }

    /// The inputs and the command, for replaying.
    func keep(in folder: String, problem: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for path in inputs { try? FileManager.default.copyItem(atPath: path, toPath: folder + "/" + (path as NSString).lastPathComponent) }
        let command = "# \(problem)\ncaresite " + args.map { $0.contains(dir) ? $0.replacingOccurrences(of: dir, with: ".") : $0 }
            .map { "'\($0)'" }.joined(separator: " ") + "\n"
        try command.write(toFile: folder + "/command.sh", atomically: true, encoding: .utf8)
    }
}
