import Foundation
import GeoKit

/// `caresite run SCENARIO.yaml`: flag and site from one file, with the report.
public enum ScenarioRun {
    /// `format`, `database`: instead of the scenario's outputs.format and outputs.postgis.
    public static func run(path: String, out: String?, format: OutputFormat? = nil, database: DatabaseOutput? = nil,
                           progress: (@Sendable (String) -> Void)?)
        throws -> (json: JSONValue, text: String, folder: String) {
        let started = Date()
        let file = try ScenarioFile(path: path)
        var options = file.site
        if let out { options.flag.out = out }
        if let format { options.flag.format = format }
        if let database { options.flag.database = database }
        options.progress = progress
        let run = try SiteRun(options)
        var check: PriorityCheck?
        if var list = file.priorityList {
            list.site.flag.out = options.flag.out
            list.site.progress = progress
            check = try PriorityCheck(list)
        }
        let (json, text) = try run.write(scenario: file, check: check, started: started)
        let report = (options.flag.out as NSString).appendingPathComponent("report.html")
        return (json, "scenario: \(file.name)\n" + text + (check?.text ?? "") + "report: \(report)\n", options.flag.out)
    }
}
