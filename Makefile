# Makefile: builds hcweb and hcadmin, runs the site, the tests and the benchmarks.
# GNU make. `make run` and `make test` install the Debian packages they need.

BUILD    ?= build
SAN      ?=
WERROR   ?=
PORT     ?= 8080

CC       := gcc
CXX      := g++
PKGS     := fcgi sqlite3 libctemplate libcmark-gfm libsodium libcurl jansson libmagic gumbo gmime-3.0 zlib
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT      := -O1
else
SANFLAGS :=
OPT      := -O2
endif

WARN     := -Wall -Wextra -Wshadow -Wformat=2 -Wvla $(WERROR)
CFLAGS   := -std=c17 -D_GNU_SOURCE -g $(OPT) $(WARN) $(SANFLAGS) -Ilib
CXXFLAGS := -std=c++17 -g $(OPT) -Wall -Wextra $(WERROR) $(SANFLAGS) -Ilib
LDFLAGS  := $(SANFLAGS) -pthread

# Debian packages: to build and run, to test, to benchmark, to fuzz.
DEPS_RUN   := gcc g++ make pkg-config nginx tzdata sqlite3 libfcgi-dev libsqlite3-dev \
              libctemplate-dev libcurl4-openssl-dev libcmark-gfm-dev \
              libcmark-gfm-extensions-dev libsodium-dev \
              libjansson-dev libmagic-dev libgumbo-dev libgmime-3.0-dev zlib1g-dev
DEPS_TEST  := $(DEPS_RUN) tidy libcriterion-dev python3 python3-pytest python3-icalendar python3-feedparser curl cmark \
              python3-aiosmtpd openssl
DEPS_BENCH := $(DEPS_RUN) wrk curl python3-aiosmtpd
DEPS_FUZZ  := $(DEPS_RUN) clang libclang-rt-14-dev
DEPS_VALGRIND := $(DEPS_TEST) valgrind

# The layers of lib/, lowest first; a folder includes only folders listed
# before it (docs/architecture.md). Every .c file of a folder is built.
LAYERS   := util site store net http public admin cli
LIB_SRCS := $(foreach d,$(LAYERS),$(sort $(wildcard lib/$(d)/*.c)))
LIB_CXX_SRCS := lib/util/tmpl.cc

UNIT_SRCS := $(wildcard test/unit/test_*.c)

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(LIB_CXX_SRCS:%.cc=$(BUILD)/%.o)
UNIT_BINS := $(UNIT_SRCS:%.c=$(BUILD)/%)
LIBHC     := $(BUILD)/libhc.a

# Keep unit tests' objects between builds.
.SECONDARY:

.PHONY: all run test unit e2e bench fuzz faults loadtest valgrind install clean deps deps-test \
	deps-bench deps-fuzz deps-valgrind

all: $(BUILD)/hcweb $(BUILD)/hcadmin

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(PKG_CFLAGS) -MMD -MP -c $< -o $@

$(LIBHC): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/hcweb: $(BUILD)/cgi-bin/hcweb.o $(LIBHC)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/hcadmin: $(BUILD)/cgi-bin/hcadmin.o $(LIBHC)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

$(BUILD)/test/unit/%: $(BUILD)/test/unit/%.o $(LIBHC)
	$(CXX) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lcriterion

unit: $(UNIT_BINS)

# Installs whatever Debian packages of the list are missing (sudo unless root).
define install_missing
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null \
		| grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		if [ "$$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi; \
		$$sudo apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi
endef

deps:
	$(call install_missing,$(DEPS_RUN))
deps-test:
	$(call install_missing,$(DEPS_TEST))
deps-bench:
	$(call install_missing,$(DEPS_BENCH))
deps-fuzz:
	$(call install_missing,$(DEPS_FUZZ))
deps-valgrind:
	$(call install_missing,$(DEPS_VALGRIND))

run: deps
	$(MAKE) all
	PORT=$(PORT) BUILD=$(BUILD) conf/run-dev.sh

# Every suite, first as built, then under AddressSanitizer and UBSan; the last
# line sums them up.
test: deps-test
	$(MAKE) WERROR=-Werror BUILD=build/test all unit
	$(MAKE) WERROR=-Werror BUILD=build/asan SAN=1 all unit
	test/run-all.sh build/test build/asan

bench: deps-bench
	$(MAKE) all bench/nullfcgi
	bench/all.sh
	BUILD=$(BUILD) /usr/bin/python3 bench/mail.py
	bench/wordpress.sh

bench/nullfcgi: bench/nullfcgi.c
	$(CC) -std=c17 -O2 -Wall -Wextra -o $@ $< -lfcgi

fuzz: deps-fuzz
	test/fuzz/run.sh

# Faults (docs/security.md): kill -9 under writes, a full disk (root: a small
# tmpfs), migrate/backup/restore under writes, broken templates. Bounded, on
# loopback; a few minutes, so not part of make test.
faults: deps-test
	$(MAKE) WERROR=-Werror BUILD=build/test all
	HCWEB_BUILD=build/test timeout 900 /usr/bin/python3 -m pytest -v -p no:cacheprovider \
		test/e2e/faults_test.py

# wrk, 64 connections for 60 s over the public pages with 10 % logged-in
# POSTs: zero 5xx, zero socket errors, hcweb's RSS within 10 %.
loadtest: deps-bench deps-test
	$(MAKE) all
	bench/loadtest.sh

# valgrind memcheck of hcweb over a scripted session of 1,000 requests.
valgrind: deps-valgrind
	$(MAKE) BUILD=build/valgrind OPT=-O0 all
	test/valgrind.sh build/valgrind

install: all
	install -d $(DESTDIR)/usr/local/bin
	install -m 0755 $(BUILD)/hcweb $(BUILD)/hcadmin $(DESTDIR)/usr/local/bin/

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

clean:
	rm -rf build bench/nullfcgi
