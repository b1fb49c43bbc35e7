// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "caresite",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caresite", targets: ["caresite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", path: "Sources/CGEOS", pkgConfig: "geos",
                       providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", path: "Sources/CPROJ", pkgConfig: "proj",
                       providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGDAL", path: "Sources/CGDAL", pkgConfig: "gdal",
                       providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CCLP", path: "Sources/CCLP", pkgConfig: "clp",
                       providers: [.apt(["coinor-libclp-dev"])]),
        .target(name: "GeoKit", dependencies: ["CGEOS", "CPROJ", "CGDAL"]),
        .target(name: "LinearProgramming", dependencies: ["CCLP"]),
        .target(name: "Planning", dependencies: ["GeoKit"]),
        .target(name: "Siting", dependencies: ["LinearProgramming"]),
        .target(name: "Scenario", dependencies: ["GeoKit", "Planning", "Siting", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "caresite", dependencies: [
            "Scenario", "Planning", "GeoKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "caresite-bench", dependencies: ["Siting"], path: "Benchmarks", exclude: ["peer"]),
        .executableTarget(name: "caresite-fuzz", path: "Fuzz"),
        .testTarget(name: "GeoKitTests", dependencies: ["GeoKit"]),
        .testTarget(name: "PlanningTests", dependencies: ["Planning", "GeoKit"]),
        .testTarget(name: "SitingTests", dependencies: ["Siting", "LinearProgramming"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "Planning", "GeoKit"]),
        .testTarget(name: "CLITests", dependencies: ["GeoKit"]),
    ],
    swiftLanguageModes: [.v6]
)
