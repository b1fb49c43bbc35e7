import Foundation
import GeoKit

/// `caresite run SCENARIO.yaml`: flag and site from one file, with the report.
public enum ScenarioRun {
    public static func run(path: String, out: String?, progress: (@Sendable (String) -> Void)?)
        throws -> (json: JSONValue, text: String, folder: String) {
        let started = Date()
        let file = try ScenarioFile(path: path)
        var options = file.site
        if let out { options.flag.out = out }
        options.progress = progress
        let run = try SiteRun(options)
        let (json, text) = try run.write(scenario: file, started: started)
        let report = (options.flag.out as NSString).appendingPathComponent("report.html")
        return (json, "scenario: \(file.name)\n" + text + "report: \(report)\n", options.flag.out)
    }
}
