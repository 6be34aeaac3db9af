# The two commands of the README's quick start, and a few more.
#   make draft   install missing system packages, build, run `notes draft` on this clone
#   make test    install missing system packages, run every test
SWIFT ?= swift
ARGS ?=

.PHONY: deps build draft test release install templates bench

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

draft: build
	$$($(SWIFT) build --show-bin-path)/notes draft $(ARGS)

test: deps
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release

install: release
	install -m 0755 $$($(SWIFT) build -c release --show-bin-path)/notes /usr/local/bin/notes

templates:
	scripts/embed-templates

bench:
	scripts/bench $(ARGS)
