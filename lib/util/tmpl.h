/* tmpl.h: the C face of ctemplate; the only way HTML is produced. */
#ifndef HC_UTIL_TMPL_H
#define HC_UTIL_TMPL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A template dictionary. The root one is made by tdict_new and freed by
 * tdict_free; section and include dictionaries belong to their parent. */
typedef struct tdict tdict;

/* Sets the template root folder, loads every *.tpl below it and freezes the
 * cache. Call once before threads start. Returns 0, or -1 when a template does
 * not load (the reason is written to stderr). */
int tmpl_init(const char *dir);

tdict *tdict_new(void);
void tdict_free(tdict *d);
/* Sets a variable; the value is copied. NULL is treated as "". */
void tdict_set(tdict *d, const char *key, const char *value);
void tdict_set_int(tdict *d, const char *key, long long value);
/* Shows a section once with the dictionary's own values. */
void tdict_show(tdict *d, const char *section);
/* Adds one repetition of a section and returns its dictionary. */
tdict *tdict_section(tdict *d, const char *section);
/* Fills an include marker {{>NAME}} with the template file and returns the
 * included template's dictionary. */
tdict *tdict_include(tdict *d, const char *name, const char *file);

/* Expands template file with d. On success returns 0 and stores a malloc'd,
 * NUL-terminated string (caller frees) in *out and its length in *len.
 * Returns -1 on failure. Never throws. */
int tmpl_expand(const char *file, tdict *d, char **out, size_t *len);

#ifdef __cplusplus
}
#endif

#endif
