# The two commands of the README's quick start, and a few more.
#   make draft   install missing system packages, build, run `notes draft` on this clone
#   make test    install missing system packages, run every test (swift test, a few seconds of each fuzz
#                harness, then the dist, wheel and action tests)
#   make dist    the portable binary: dist/notes-VERSION-ARCH-OS.tar.gz and its .sha256 (x86_64-linux here;
#                aarch64-linux and arm64-macos in the release workflow)
#   make wheel   the same binary as a Python wheel (PyPI name notes-release, command notes):
#                dist/notes_release-VERSION-py3-none-manylinux_2_XX_x86_64.whl
#   make fuzz    TARGET=toml|commits|markdown|template: the long fuzz run (30 minutes or 10^6 inputs)
SWIFT ?= swift
ARGS ?=
PREFIX ?= /usr/local
VERSION := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/NotesCore/NotesVersion.swift)
# The portable tarball's platform, as scripts/dist/build names it: `uname -m` and linux or macos.
PLATFORM := $(shell uname -m)-$(if $(filter Darwin,$(shell uname -s)),macos,linux)

.PHONY: deps build draft test release dist wheel install templates bench fuzz

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

draft: build
	$$($(SWIFT) build --show-bin-path)/notes draft $(ARGS)

# swift test first (its debug build is the one the man page generator reuses), then the portable binary,
# the wheel, and the shell tests of both and of the GitHub Action (scripts/test-dist, scripts/test-action).
test: deps
	$(SWIFT) test
	scripts/fuzz smoke 3
	$(MAKE) --no-print-directory wheel
	scripts/test-dist
	scripts/test-action

TARGET ?= toml
fuzz:
	scripts/fuzz $(TARGET)

# Release builds link the Swift runtime and Foundation statically: one self-contained binary that
# starts faster and uses less memory (measured: a 286-commit draft 0.10 s/45 MB -> 0.08 s/38 MB).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

# The portable binary: libgit2, libcmark, their libraries, libstdc++ and the Swift runtime linked statically,
# built in .build-dist; packed with the man pages and shell completions (scripts/dist/build).
dist: deps
	scripts/dist/build

wheel: dist
	SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || echo 315532800)} scripts/dist/wheel dist/notes

# The portable binary, the man pages and the completions under $(PREFIX) (bin/, share/man/man1/, share/...).
install: dist
	mkdir -p $(DESTDIR)$(PREFIX)
	tar -xzf dist/notes-$(VERSION)-$(PLATFORM).tar.gz -C $(DESTDIR)$(PREFIX) --strip-components 1 --no-same-owner

templates:
	scripts/embed-templates

bench:
	scripts/bench $(ARGS)
