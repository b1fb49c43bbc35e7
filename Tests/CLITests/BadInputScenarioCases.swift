import Foundation

extension BadInputCorpus {
    static let scenarioBase = """
    inputs:
      communities: c.geojson
      facilities: f.geojson
      candidates: k.geojson
    """

    /// (file name, text, exit, word): scenario files with one thing wrong.
    static let scenarios: [(String, String, Int32, String)] = [
        ("s-ok.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\n", 0, "proven optimal"),
        ("s-unknown-key.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\ncolour: red\n", 1, "unknown key"),
        ("s-radius-nan.yaml", scenarioBase + "\nstandard: {radius_m: .nan}\nobjective: {type: coverage, p: 1}\n", 1, "not NaN"),
        ("s-radius-neg.yaml", scenarioBase + "\nstandard: {radius_m: -5}\nobjective: {type: coverage, p: 1}\n", 1, "more than 0"),
        ("s-places-inf.yaml", scenarioBase + "\nstandard: {places_per_1000: .inf}\nobjective: {type: coverage, p: 1}\n", 1, "finite"),
        ("s-snap-neg.yaml", scenarioBase + "\nstandard: {max_snap_m: -1}\nobjective: {type: coverage, p: 1}\n", 1, "max_snap_m"),
        ("s-p-word.yaml", scenarioBase + "\nobjective: {type: coverage, p: ten}\n", 1, "whole number"),
        ("s-p-zero.yaml", scenarioBase + "\nobjective: {type: coverage, p: 0}\n", 1, "objective.p"),
        ("s-budget-zero.yaml", scenarioBase + "\nobjective: {type: coverage, budget: 0}\n", 1, "objective.budget"),
        ("s-time-neg.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1, time_limit_s: -1}\n", 1, "time_limit_s"),
        ("s-gap-big.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1, gap_tolerance_percent: 101}\n", 1, "gap_tolerance_percent"),
        ("s-curve-zero.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1, curve: 0}\n", 1, "objective.curve"),
        ("s-maxdist-neg.yaml", scenarioBase + "\nobjective: {type: distance, p: 1, max_distance_m: -1}\n", 1, "max_distance_m"),
        ("s-type.yaml", scenarioBase + "\nobjective: {type: fastest, p: 1}\n", 1, "is not one of"),
        ("s-no-objective.yaml", scenarioBase + "\n", 1, "objective: missing"),
        ("s-street-zero.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nconstraints: {min_per_street: 0}\n", 1,
         "constraints.min_per_street"),
        ("s-kinds-list.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nconstraints: {kinds: [kindergarten]}\n", 1,
         "constraints.kinds"),
        ("s-kind-key.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nconstraints: {kinds: {a: {least: 1}}}\n", 1,
         "constraints.kinds.a.least: unknown key"),
        ("s-serve-status.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nconstraints: {must_serve: {status: [shiny]}}\n", 1,
         "not a status"),
        ("s-area-type.yaml", scenarioBase.replacingOccurrences(of: "c.geojson", with: "c-area.geojson")
            + "\nstandard: {radius_by_area: {field: area, radii_m: {城镇: 300, 农村: 1000}}}\nobjective: {type: coverage, p: 1}\n", 1,
         "feature id \"A\" (#1): field \"area\": \"郊区\" has no radius in standard.radius_by_area (the types given: 农村, 城镇)"),
        ("s-area-no-field.yaml", scenarioBase + "\nstandard: {radius_by_area: {radii_m: {urban: 300}}}\nobjective: {type: coverage, p: 1}\n", 1,
         "standard.radius_by_area.field: missing"),
        ("s-area-radius-zero.yaml", scenarioBase + "\nstandard: {radius_by_area: {field: area, radii_m: {urban: 0}}}\nobjective: {type: coverage, p: 1}\n", 1,
         "standard.radius_by_area.radii_m.urban"),
        ("s-area-and-field.yaml", scenarioBase.replacingOccurrences(of: "c.geojson", with: "c-radius-word.geojson")
            + "\nstandard: {radius_field: r, radius_by_area: {field: area, radii_m: {城镇: 300}}}\nobjective: {type: coverage, p: 1}\n", 1,
         "keep one"),
        ("s-phases-map.yaml", scenarioBase + "\nobjective: {type: coverage}\nphases: {year: 2022, p: 1}\n", 1, "phases: expected a list"),
        ("s-phase-year.yaml", scenarioBase + "\nobjective: {type: coverage}\nphases: [{year: 1990, p: 1}]\n", 1, "phases[1].year"),
        ("s-phase-key.yaml", scenarioBase + "\nobjective: {type: coverage}\nphases: [{year: 2022, count: 1}]\n", 1,
         "phases[1].count: unknown key"),
        ("s-phase-and-p.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nphases: [{year: 2022, p: 1}]\n", 1,
         "each phase gives its own p or budget"),
        ("s-phase-target.yaml", scenarioBase + "\nobjective: {type: coverage}\nphases: [{year: 2022, p: 1, targets: {min_per_street: 0}}]\n", 1,
         "phases[1].targets.min_per_street"),
        ("s-phase-ok.yaml", scenarioBase + "\nobjective: {type: coverage}\nphases: [{year: 2022, p: 1}, {year: 2025, p: 1}]\n", 0,
         "phase 2, 2025: 1 new site"),
        ("s-no-inputs.yaml", "objective: {type: coverage, p: 1}\n", 1, "inputs: missing"),
        ("s-no-candidates.yaml", "inputs: {communities: c.geojson}\nobjective: {type: coverage, p: 1}\n", 1, "inputs.candidates"),
        ("s-exclusions.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nexclusions: {layer: f.geojson}\n", 1, "expected a list"),
        ("s-hazard-neg.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nexclusions: [{layer: f.geojson, min_distance_m: -1}]\n", 1,
         "min_distance_m"),
        ("s-bytype.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nexclusions: [{layer: f.geojson, by_type: {a: 5}}]\n", 1,
         "needs type_field"),
        ("s-hazards-far.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\nexclusions: [{layer: f-beijing.geojson, min_distance_m: 50}]\n",
         0, "nowhere near"),
        ("s-network.yaml", scenarioBase + "\nstandard: {distance: network}\nobjective: {type: coverage, p: 1}\n", 1, "network needs inputs.roads"),
        ("s-newsince.yaml", scenarioBase + "\nstandard: {new_since: 2015}\nobjective: {type: coverage, p: 1}\n", 1, "needs fields.built_year"),
        ("s-layer-key.yaml", "inputs:\n  communities: c.geojson\n  candidates: {file: k.geojson, colour: red}\nobjective: {type: coverage, p: 1}\n", 1,
         "inputs.candidates.colour: unknown key"),
        ("s-od-unit.yaml", scenarioBase + "\n  od_matrix: {file: od.csv, unit: hours}\nobjective: {type: coverage, p: 1}\n", 1, "is not one of"),
        ("s-min-gain.yaml", scenarioBase + "\nobjective: {type: coverage, p: 1}\npriority_list: {file: list.csv, min_gain_percent: 101}\n", 1,
         "min_gain_percent"),
        ("s-missing-layer.yaml", "inputs: {communities: none.geojson, candidates: k.geojson}\nobjective: {type: coverage, p: 1}\n", 1,
         "file not found"),
    ]

    static var scenarioCases: [BadInputCase] {
        scenarios.map { name, _, exit, word in c("scenario \(name)", ["run", p(name), "--out", out, "--quiet"], exit, word) } + [
            c("scenario missing", ["run", p("none.yaml")], 1, "file not found"),
            c("scenario not YAML", ["run", p("s-notyaml.yaml"), "--out", out], 1, "not valid YAML"),
            c("scenario not UTF-8", ["run", p("s-gbk.yaml"), "--out", out], 1, "not UTF-8"),
            c("scenario is a folder", ["run", p("folder.geojson"), "--out", out], 1, "is a folder"),
            c("run --format unknown", ["run", "scenarios/baseline-2025.yaml", "--format", "shp", "--out", out], 64, "format"),
        ]
    }
}
