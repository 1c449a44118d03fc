/* JSON values (parsed by yyjson) as the Python values a generic parse makes of them
 * (python_values.c). Each function returns a new reference, or NULL with a Python error set. */
#ifndef TIMCONV_PYTHON_VALUES_H
#define TIMCONV_PYTHON_VALUES_H

/* Written to CPython's limited API of 3.9: setup.py builds it so (Py_LIMITED_API), one build for
 * every CPython from 3.9 on. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <stdbool.h>
#include <stddef.h>

#include "yyjson.h"

/* A JSON object's member that is read, by its key; the length is the key's strlen. */
struct json_key {
    const char *name;
    size_t length;
};

/* Sets key->name and key->length. */
void json_key_set(struct json_key *key, const char *name);

/* ValueError "ConvInfo <row>: <what>": the text is not one the decoder takes (frames.py then
 * parses it generically). Returns NULL. */
PyObject *refuse(const char *what, size_t row);

/* Fills members[i] with the object's member named keys[i] (NULL when absent). False (ValueError
 * set) when a key given in ``keys`` comes twice. */
bool find_members(yyjson_val *object, const struct json_key *keys, int count, yyjson_val **members, size_t row);

PyObject *new_reference(PyObject *object);
PyObject *new_string(yyjson_val *string);
PyObject *new_integer(yyjson_val *integer);

/* object.get(key, fallback) for a string member: its text; None when null; ``fallback`` when
 * absent; refused when of another type. */
PyObject *string_member(yyjson_val *member, PyObject *fallback, size_t row);

/* The same for an integer member. */
PyObject *integer_member(yyjson_val *member, PyObject *fallback, size_t row);

/* A flag member's truth (absent and null: false); -1 (ValueError set) when of another type. */
int flag_member(yyjson_val *member, size_t row);

/* Any JSON value as a generic parse gives it (arrays as lists, objects as dicts), refused when
 * nested deeper than PYTHON_VALUE_MAX_DEPTH. */
enum { PYTHON_VALUE_MAX_DEPTH = 64 };
PyObject *python_value(yyjson_val *value, size_t row);

/* An array member: ``empty`` when absent, null or empty; else the list (a tuple when
 * ``as_tuple``); refused when of another type. */
PyObject *array_member(yyjson_val *member, PyObject *empty, bool as_tuple, size_t row);

#endif
