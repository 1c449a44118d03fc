/* JSON values parsed by yyjson, as the Python values a generic parse (orjson) makes of them, and
 * the lookups of an object's members by key. Called with the GIL held; no state of its own. */

#include "python_values.h"

#include <string.h>

void json_key_set(struct json_key *key, const char *name) {
    key->name = name;
    key->length = strlen(name);
}

PyObject *refuse(const char *what, size_t row) {
    PyErr_Format(PyExc_ValueError, "ConvInfo %zu: %s", row, what);
    return NULL;
}

/* Vendor objects list their keys in one order, so the search for each key starts after the last
 * one found: one comparison per member in the usual case. */
bool find_members(yyjson_val *object, const struct json_key *keys, int count, yyjson_val **members, size_t row) {
    memset(members, 0, sizeof(*members) * (size_t)count);
    int next = 0;
    size_t index, max;
    yyjson_val *key, *value;
    yyjson_obj_foreach(object, index, max, key, value) {
        const char *name = unsafe_yyjson_get_str(key);
        size_t length = unsafe_yyjson_get_len(key);
        for (int tried = 0, k = next; tried < count; tried++, k = k + 1 == count ? 0 : k + 1) {
            /* Keys of one length mostly differ in their last character ("message_sender",
             * "message_status"): it is compared first. */
            if (keys[k].length == length && length > 0 && keys[k].name[length - 1] == name[length - 1] &&
                memcmp(keys[k].name, name, length - 1) == 0) {
                if (members[k]) {
                    refuse("a key given twice", row);
                    return false;
                }
                members[k] = value;
                next = k + 1 == count ? 0 : k + 1;
                break;
            }
        }
    }
    return true;
}

PyObject *new_reference(PyObject *object) {
    Py_INCREF(object);
    return object;
}

PyObject *new_string(yyjson_val *string) {
    return PyUnicode_DecodeUTF8(unsafe_yyjson_get_str(string), (Py_ssize_t)unsafe_yyjson_get_len(string), "strict");
}

PyObject *new_integer(yyjson_val *integer) {
    return yyjson_is_uint(integer) ? PyLong_FromUnsignedLongLong(unsafe_yyjson_get_uint(integer))
                                   : PyLong_FromLongLong(unsafe_yyjson_get_sint(integer));
}

PyObject *string_member(yyjson_val *member, PyObject *fallback, size_t row) {
    if (!member)
        return new_reference(fallback);
    if (yyjson_is_null(member))
        return new_reference(Py_None);
    if (!yyjson_is_str(member))
        return refuse("a string member of another type", row);
    return new_string(member);
}

PyObject *integer_member(yyjson_val *member, PyObject *fallback, size_t row) {
    if (!member)
        return new_reference(fallback);
    if (yyjson_is_null(member))
        return new_reference(Py_None);
    if (!yyjson_is_int(member))
        return refuse("an integer member of another type", row);
    return new_integer(member);
}

int flag_member(yyjson_val *member, size_t row) {
    if (!member || yyjson_is_null(member))
        return 0;
    if (!yyjson_is_bool(member)) {
        refuse("a flag of another type", row);
        return -1;
    }
    return unsafe_yyjson_get_bool(member);
}

static PyObject *nested_value(yyjson_val *value, int depth, size_t row);

static PyObject *list_value(yyjson_val *array, int depth, size_t row) {
    PyObject *list = PyList_New((Py_ssize_t)unsafe_yyjson_get_len(array));
    if (!list)
        return NULL;
    size_t index, max;
    yyjson_val *item;
    yyjson_arr_foreach(array, index, max, item) {
        PyObject *element = nested_value(item, depth + 1, row);
        /* PyList_SetItem takes the element's reference, even when it fails. */
        if (!element || PyList_SetItem(list, (Py_ssize_t)index, element) < 0) {
            Py_DECREF(list); /* its unset items are NULL, which a list's release skips */
            return NULL;
        }
    }
    return list;
}

static PyObject *dict_value(yyjson_val *object, int depth, size_t row) {
    PyObject *dict = PyDict_New();
    if (!dict)
        return NULL;
    size_t index, max;
    yyjson_val *key, *item;
    yyjson_obj_foreach(object, index, max, key, item) {
        PyObject *name = new_string(key);
        PyObject *element = name ? nested_value(item, depth + 1, row) : NULL;
        int stored = element ? PyDict_SetItem(dict, name, element) : -1; /* a key twice: the last wins */
        Py_XDECREF(name);
        Py_XDECREF(element);
        if (stored < 0) {
            Py_DECREF(dict);
            return NULL;
        }
    }
    return dict;
}

static PyObject *nested_value(yyjson_val *value, int depth, size_t row) {
    if (depth > PYTHON_VALUE_MAX_DEPTH)
        return refuse("nesting too deep", row);
    switch (yyjson_get_type(value)) {
    case YYJSON_TYPE_NULL:
        return new_reference(Py_None);
    case YYJSON_TYPE_BOOL:
        return PyBool_FromLong(unsafe_yyjson_get_bool(value));
    case YYJSON_TYPE_NUM:
        return yyjson_is_real(value) ? PyFloat_FromDouble(unsafe_yyjson_get_real(value)) : new_integer(value);
    case YYJSON_TYPE_STR:
        return new_string(value);
    case YYJSON_TYPE_ARR:
        return list_value(value, depth, row);
    case YYJSON_TYPE_OBJ:
        return dict_value(value, depth, row);
    default:
        return refuse("a value of no JSON type", row);
    }
}

PyObject *python_value(yyjson_val *value, size_t row) {
    return nested_value(value, 1, row);
}

PyObject *array_member(yyjson_val *member, PyObject *empty, bool as_tuple, size_t row) {
    if (!member || yyjson_is_null(member) || (yyjson_is_arr(member) && unsafe_yyjson_get_len(member) == 0))
        return new_reference(empty);
    if (!yyjson_is_arr(member))
        return refuse("an array member of another type", row);
    PyObject *list = python_value(member, row);
    if (!list || !as_tuple)
        return list;
    PyObject *tuple = PyList_AsTuple(list);
    Py_DECREF(list);
    return tuple;
}
