# CareSite: `make demo` and `make test` are all a fresh Debian machine needs.
SWIFT      ?= swift
BUILD_DIR  ?= .build
CONFIG     ?= release
BIN         = $(BUILD_DIR)/$(CONFIG)/caresite
DEMO_OUT   ?= out/demo
SYSTEM_PKGS = libgeos-dev libproj-dev libgdal-dev coinor-libclp-dev pkg-config libjs-leaflet
# The browser test opens report.html in headless Chromium; CJK fonts so the screenshot shows the Chinese.
# The database tests start their own PostgreSQL + PostGIS server and load the demo town with ogr2ogr.
TEST_PKGS   = chromium fonts-noto-cjk postgresql postgis gdal-bin
LEAFLET     = /usr/share/javascript/leaflet/leaflet.js

FUZZ_SECONDS ?= 60
FUZZ_SEED    ?= 1

.PHONY: all deps test-deps build demo test fuzz bench clean

all: build

# Installs GEOS, PROJ, GDAL and CLP (headers and pkg-config files) and Leaflet (inlined into report.html)
# when they are missing.
deps:
	@if ! pkg-config --exists geos proj gdal clp 2>/dev/null || [ ! -f $(LEAFLET) ]; then \
	  echo "installing $(SYSTEM_PKGS)"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(SYSTEM_PKGS); \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --build-path $(BUILD_DIR) --product caresite

# The demo county town (geodata/town, synthetic) under the 2025 baseline scenario.
demo: build
	$(BIN) run scenarios/baseline-2025.yaml --out $(DEMO_OUT)
	$(BIN) run scenarios/baseline-2025.yaml --out $(DEMO_OUT)-gpkg --format gpkg --quiet > /dev/null
	@echo "open $(DEMO_OUT)/report.html in a browser; drag $(DEMO_OUT)-gpkg/caresite.gpkg (styled) or the .geojson files into QGIS"

test-deps: deps
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v ogr2ogr >/dev/null 2>&1 \
	    || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then \
	  echo "installing $(TEST_PKGS)"; \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $(TEST_PKGS)) \
	    || echo "could not install $(TEST_PKGS): the browser or database tests will be skipped"; \
	fi

test: test-deps
	$(SWIFT) build --build-path $(BUILD_DIR) --product caresite
	$(SWIFT) test --build-path $(BUILD_DIR)

# Mutations of the sample inputs and options against the debug binary; fails on a crash, a hang, an
# input modified or a half-written output set, keeping what did it in fuzz-failures/.
fuzz: deps
	$(SWIFT) build --build-path $(BUILD_DIR) --product caresite
	$(SWIFT) build --build-path $(BUILD_DIR) --product caresite-fuzz
	$(BUILD_DIR)/debug/caresite-fuzz --caresite $(BUILD_DIR)/debug/caresite --seconds $(FUZZ_SECONDS) --seed $(FUZZ_SEED) --failures fuzz-failures

# The peer (a direct HiGHS model) runs in a venv of its own: highspy and numpy from PyPI.
BENCH_VENV ?= $(BUILD_DIR)/bench-venv
BENCH_ONLY ?= flag,site,median,network,peer,capacitated,cover-all,report,orlib,swain

$(BENCH_VENV)/bin/python:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet highspy numpy

bench: build test-deps $(BENCH_VENV)/bin/python
	$(SWIFT) build -c release --build-path $(BUILD_DIR) --product caresite-bench
	$(BUILD_DIR)/release/caresite-bench --caresite $(BIN) --report docs/benchmarks.md --shared ../shared/benchmarks \
	  --python $(BENCH_VENV)/bin/python --only $(BENCH_ONLY)

clean:
	rm -rf $(BUILD_DIR) out fuzz-failures
