// tmpl.cc: the C face of ctemplate (auto-escaped templates); no exception leaves this file.
#include "util/tmpl.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <ctemplate/template.h>

namespace fs = std::filesystem;
using ctemplate::TemplateDictionary;

static const ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;
static const char kPragma[] = "{{%AUTOESCAPE context=\"HTML\"}}";
// Feeds and sitemaps (*.xml.tpl) are XML and escaped as XML.
static const char kPragmaXml[] = "{{%AUTOESCAPE context=\"XML\"}}";

// Names of variables and sections, with ctemplate's global id computed and
// registered once per thread. A plain string key makes ctemplate hash the
// name and look it up in its global id-to-name map under a mutex on every
// SetValue; a key that carries its id skips both. Names longer than the slot
// (or past a full table) go the plain way.
namespace {
struct NameSlot {
	char s[40];
	size_t len;
	ctemplate::StaticTemplateString sts;
};
const size_t kNameSlots = 256;
thread_local NameSlot names[kNameSlots];

ctemplate::TemplateString name(const char *key)
{
	size_t len = strlen(key), h = 2166136261u, i, n;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	if (len >= sizeof names[0].s)
		return ctemplate::TemplateString(key, len);
	for (i = h % kNameSlots, n = 0; n < kNameSlots; n++, i = (i + 1) % kNameSlots) {
		NameSlot &sl = names[i];
		if (sl.len == len && sl.sts.do_not_use_directly_.ptr_ != nullptr &&
		    memcmp(sl.s, key, len) == 0)
			return ctemplate::TemplateString(sl.sts);
		if (sl.sts.do_not_use_directly_.ptr_ == nullptr) {
			memcpy(sl.s, key, len + 1);
			sl.len = len;
			sl.sts.do_not_use_directly_.ptr_ = sl.s;
			sl.sts.do_not_use_directly_.length_ = len;
			sl.sts.do_not_use_directly_.id_ = ctemplate::kIllegalTemplateId;
			ctemplate::StaticTemplateStringInitializer init(&sl.sts);
			return ctemplate::TemplateString(sl.sts);
		}
	}
	return ctemplate::TemplateString(key, len);
}
}

static TemplateDictionary *D(tdict *d)
{
	return reinterpret_cast<TemplateDictionary *>(d);
}

static tdict *T(TemplateDictionary *d)
{
	return reinterpret_cast<tdict *>(d);
}

// Lists every *.tpl below dir, as paths relative to it.
static std::vector<std::string> list_templates(const char *dir)
{
	std::vector<std::string> names;

	for (const auto &e : fs::recursive_directory_iterator(dir))
		if (e.is_regular_file() && e.path().extension() == ".tpl")
			names.push_back(fs::relative(e.path(), dir).string());
	return names;
}

// True when the file's first line is the auto-escape pragma.
static bool has_pragma(const fs::path &path)
{
	std::ifstream in(path);
	std::string line;

	if (!std::getline(in, line))
		return false;
	if (path.string().size() > 8 &&
	    path.string().compare(path.string().size() - 8, 8, ".xml.tpl") == 0)
		return line.compare(0, sizeof(kPragmaXml) - 1, kPragmaXml) == 0;
	return line.compare(0, sizeof(kPragma) - 1, kPragma) == 0;
}

int tmpl_init(const char *dir)
{
	try {
		ctemplate::TemplateCache *cache = ctemplate::mutable_default_template_cache();
		std::vector<std::string> names = list_templates(dir);

		for (const std::string &n : names) {
			if (!has_pragma(fs::path(dir) / n)) {
				fprintf(stderr, "tmpl: %s/%s: first line is not the AUTOESCAPE pragma (%s)\n",
				    dir, n.c_str(), kPragma);
				return -1;
			}
		}
		if (!cache->SetTemplateRootDirectory(dir)) {
			fprintf(stderr, "tmpl: %s: not a usable templates folder\n", dir);
			return -1;
		}
		for (const std::string &n : names) {
			if (!cache->LoadTemplate(n, kStrip)) {
				fprintf(stderr, "tmpl: %s/%s: does not load\n", dir, n.c_str());
				return -1;
			}
		}
		cache->Freeze();
		return 0;
	} catch (const std::exception &e) {
		fprintf(stderr, "tmpl: %s: %s\n", dir, e.what());
	} catch (...) {
		fprintf(stderr, "tmpl: %s: unknown error\n", dir);
	}
	return -1;
}

tdict *tdict_new(void)
{
	try {
		return T(new TemplateDictionary("root"));
	} catch (...) {
		return NULL;
	}
}

void tdict_free(tdict *d)
{
	delete D(d);
}

void tdict_set(tdict *d, const char *key, const char *value)
{
	if (d == NULL)
		return;
	try {
		D(d)->SetValue(name(key), value ? value : "");
	} catch (...) {
	}
}

void tdict_set_int(tdict *d, const char *key, long long value)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", value);
	tdict_set(d, key, buf);
}

void tdict_show(tdict *d, const char *section)
{
	if (d == NULL)
		return;
	try {
		D(d)->ShowSection(name(section));
	} catch (...) {
	}
}

tdict *tdict_section(tdict *d, const char *section)
{
	if (d == NULL)
		return NULL;
	try {
		return T(D(d)->AddSectionDictionary(name(section)));
	} catch (...) {
		return NULL;
	}
}

tdict *tdict_include(tdict *d, const char *name, const char *file)
{
	if (d == NULL)
		return NULL;
	try {
		TemplateDictionary *inc = D(d)->AddIncludeDictionary(::name(name));
		inc->SetFilename(file);
		return T(inc);
	} catch (...) {
		return NULL;
	}
}

int tmpl_expand(const char *file, tdict *d, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	if (d == NULL)
		return -1;
	try {
		std::string s;
		char *p;

		s.reserve(16384);

		if (!ctemplate::ExpandTemplate(file, kStrip, D(d), &s))
			return -1;
		p = static_cast<char *>(malloc(s.size() + 1));
		if (p == NULL)
			return -1;
		memcpy(p, s.data(), s.size() + 1);
		*out = p;
		*len = s.size();
		return 0;
	} catch (...) {
		return -1;
	}
}
