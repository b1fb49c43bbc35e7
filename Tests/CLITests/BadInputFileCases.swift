import Foundation

extension BadInputCorpus {
    static func communities(_ file: String, _ base: [String] = flag) -> [String] { with(base, "--communities", p(file)) }

    /// Bad files of every kind, as communities, facilities, candidates, roads, OD matrices and lists.
    static var fileCases: [BadInputCase] {
        [
            c("missing communities", communities("nothing-here.geojson"), 1, "file not found"),
            c("communities is a folder", communities("folder.geojson"), 1, "is a folder"),
            c("communities is a FIFO", communities("fifo.geojson"), 1, "not a regular file"),
            c("empty file", communities("c-empty.geojson"), 1, "c-empty.geojson"),
            c("not geodata", communities("c-html.geojson"), 1, "not a vector format"),
            c("no features", communities("c-none.geojson"), 1, "holds no features"),
            c("population negative", communities("c-negative.geojson"), 1, "is negative"),
            c("population a word", communities("c-word.geojson"), 1, "is not a number"),
            c("population 1e22", communities("c-huge.geojson"), 1, "at most 10000000"),
            c("population true among numbers", communities("c-true.geojson"), 1, "feature id \"A\" (#1): field \"population\": \"true\" is not a number"),
            c("population all booleans", communities("c-all-true.geojson"), 1, "\"true\" is not a number"),
            c("population hex", communities("c-hex.geojson"), 1, "\"0x10\" is not a number"),
            c("population nan", communities("c-nan.geojson"), 1, "is not a number"),
            c("population inf", communities("c-inf.geojson"), 1, "is not a number"),
            c("population a list", communities("c-list.geojson"), 1, "feature id \"B\" (#2): field \"population\": \"[3,4]\" is not a number"),
            c("a NaN vertex", communities("c-nan-vertex.geojson"), 1, "no feature has a geometry"),
            c("an infinite vertex", communities("c-inf-vertex.geojson"), 1, "not a usable coordinate (x=inf"),
            c("a facility that cannot be transformed", with(flag, "--facilities", p("f-untransformable.geojson")), 1,
              "feature id \"F1\" (#1): cannot transform"),
            c("duplicate ids", communities("c-dup.geojson"), 1, "duplicate id"),
            c("empty id", communities("c-noid.geojson"), 1, "the id is empty"),
            c("lines as communities", communities("c-line.geojson"), 1, "LineString where polygons or points"),
            c("coordinate 1e300", communities("c-far.geojson"), 1, "not a usable coordinate"),
            c("lat/lon swapped", communities("c-swapped.geojson"), 1, "swapped"),
            c("metres in GeoJSON", communities("c-metres.geojson"), 1, "not degrees"),
            c("degrees under EPSG:3857", communities("c-3857.geojson"), 0, "look like degrees"),
            c("built year 1e20", with(communities("c-year-huge.geojson"), "--built-year-field", "built") + ["--new-since", "2015"], 1, "is not a year"),
            c("built year inf", with(communities("c-year-inf.geojson"), "--built-year-field", "built") + ["--new-since", "2015"], 1, "is not a year"),
            c("unknown status", communities("c-status.geojson"), 1, "is not a status"),
            c("capacity 1e300", with(flag, "--facilities", p("f-huge.geojson")), 1, "at most 1000000"),
            c("capacity negative", with(flag, "--facilities", p("f-negative.geojson")), 1, "is negative"),
            c("facilities in another city", with(flag, "--facilities", p("f-beijing.geojson")), 0, "nowhere near"),
            c("cost 1e300", ["site", "--communities", p("c.geojson"), "--candidates", p("k-cost-huge.geojson"), "--objective", "cover-all",
                             "--minimize", "cost", "--out", out], 1, "at most 1000000000000000"),
            c("cost a word", with(with(site, "--candidates", p("k-cost-word.geojson")), "--p", "1"), 1, "\"cheap\" is not a number"),
            c("capacity 0 for capacitated", with(with(site, "--candidates", p("k-zero.geojson")), "--objective", "capacitated-coverage"), 1, "capacity 0"),
            c("missing candidates", with(site, "--candidates", p("none.geojson")), 1, "file not found"),
            c("points table without x/y", with(flag, "--facilities", p("p-noxy.csv")), 1, "tried lon, lng, long"),
            c("points table x not a number", with(flag, "--facilities", p("p-badx.csv")), 1, "is not a coordinate"),
            c("text neither UTF-8 nor GBK", communities("c-bad-bytes.csv"), 1, "neither UTF-8 nor GBK"),
            c("GBK read as UTF-8", communities("c-gbk.csv") + ["--encoding", "UTF-8"], 1, "not valid UTF-8"),
            c("GBK detected", communities("c-gbk.csv"), 0, "read as GBK"),
            c("shapefile without .prj", communities("noprj.shp"), 1, "has no .prj"),
            c("shapefile without .dbf", communities("nodbf.shp"), 1, "no .dbf"),
            c("shapefile cut short", communities("cut.shp") + ["--crs", "EPSG:4326"], 1, "damaged"),
            c("roads missing", with(flag, "--distance", "network") + ["--roads", p("none.geojson")], 1, "file not found"),
            c("roads as points", with(flag, "--distance", "network") + ["--roads", p("roads-points.geojson")], 1, "where lines are expected"),
            c("roads of zero length", with(flag, "--distance", "network") + ["--roads", p("roads-zero.geojson")], 1, "no graph"),
            c("roads filter malformed", with(flag, "--distance", "network") + ["--roads", p("roads.geojson"), "--roads-filter", "highway"], 1, "--roads-filter"),
            c("roads filter leaves none", with(flag, "--distance", "network") + ["--roads", p("roads.geojson"), "--roads-filter", "id=99"], 1, "no road left"),
            c("OD unknown ids", site + ["--od-matrix", p("od-unknown.csv")], 1, "no community"),
            c("OD conflicting pairs", site + ["--od-matrix", p("od-conflict.csv")], 1, "another cost"),
            c("OD columns unknown", site + ["--od-matrix", p("od-columns.csv")], 1, "tried origin_id"),
            c("OD negative cost", site + ["--od-matrix", p("od-negative.csv")], 1, "is negative"),
            c("OD cost a word", site + ["--od-matrix", p("od-word.csv")], 1, "is not a number"),
            c("OD missing", site + ["--od-matrix", p("none.csv")], 1, "file not found"),
            c("list duplicate id", with(priority, "--list", p("list-dup.csv")), 1, "listed twice"),
            c("list duplicate rank", with(priority, "--list", p("list-rank.csv")), 1, "also the rank"),
            c("list unknown id", with(priority, "--list", p("list-unknown.csv")), 1, "not candidate sites"),
            c("list empty", with(priority, "--list", p("list-empty.csv")), 1, "the list is empty"),
            c("list negative rank", with(priority, "--list", p("list-negative.csv")), 1, "is negative"),
            c("list missing", with(priority, "--list", p("none.csv")), 1, "file not found"),
            c("list is a FIFO", with(priority, "--list", p("fifo.geojson")), 1, "not a regular file"),
        ]
    }

    /// Options that do not fit the data or each other.
    static var optionCases: [BadInputCase] {
        [
            c("population field absent", flag + ["--population-field", "人口"], 1, "no field \"人口\""),
            c("id field absent", flag + ["--id-field", "code"], 1, "no field \"code\""),
            c("facilities id field absent", flag + ["--facilities-id-field", "code"], 1, "--facilities-id-field"),
            c("unknown encoding", flag + ["--encoding", "NOPE-123"], 1, "unknown encoding"),
            c("unknown layer encoding", flag + ["--facilities-encoding", "NOPE-123"], 1, "--facilities-encoding"),
            c("unknown CRS", flag + ["--facilities-crs", "GCJ-03"], 1, "accepted forms"),
            c("unknown metric CRS", flag + ["--metric-crs", "EPSG:4326"], 1, "not a projected CRS in metres"),
            c("x field on streets", flag + ["--streets-x-field", "x"], 64, "not a point table"),
            c("network without roads", with(flag, "--distance", "network"), 64, "--roads"),
            c("roads without network", flag + ["--roads", p("roads.geojson")], 64, "--distance network"),
            c("OD out is an input", flag + ["--distance", "network", "--roads", p("roads.geojson"), "--od-matrix-out", p("c.geojson")], 64,
              "is one of the inputs"),
            c("OD out in a missing folder", flag + ["--distance", "network", "--roads", p("roads.geojson"), "--od-matrix-out",
                                                    p("nowhere/od.csv")], 64, "does not exist"),
            c("out is a file", with(flag, "--out", p("list.csv")), 1, "exists and is not a folder"),
            c("an output would replace an input", with(with(site, "--communities", p("communities.geojson")), "--out", dir), 1,
              "is one of the inputs"),
            c("p larger than the candidates", with(site, "--p", "5"), 1, "larger than the 2 candidate sites"),
            c("budget below the cheapest", site.filter { $0 != "--p" && $0 != "1" } + ["--budget", "1"], 1, "below the cheapest"),
            c("distance with a budget", site.filter { $0 != "--p" && $0 != "1" } + ["--objective", "distance", "--budget", "5"], 64, "takes --p"),
            c("coverage without p", site.filter { $0 != "--p" && $0 != "1" }, 64, "needs --p"),
            c("cover-all with p", with(site, "--objective", "cover-all"), 64, "cover-all"),
            c("p and budget", site + ["--budget", "5"], 64, "not both"),
            c("unknown objective", with(site, "--objective", "fastest"), 64, "--objective"),
            c("new-since without year field", flag + ["--new-since", "2015"], 1, "--new-since needs --built-year-field"),
            c("built-year field without new-since", flag + ["--built-year-field", "year"], 1, "needs --new-since"),
        ]
    }

    static var compareCases: [BadInputCase] {
        [
            c("compare folders without summary", ["compare", p("folder.geojson"), p("folder.geojson")], 1, "no summary.json"),
            c("compare a malformed summary", ["compare", p("cmp-bad"), p("cmp-bad")], 1, "missing or not a value"),
            c("compare a summary that is not JSON", ["compare", p("cmp-notjson"), p("cmp-notjson")], 1, "not a summary"),
        ]
    }
}
