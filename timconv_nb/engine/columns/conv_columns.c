/* timconv_nb._conv_columns: a ConvInfo array's JSON (TIMConvGetConvList's, as Tencent's library
 * gives it) decoded straight into the conversation frame's columns, so that the frame of a
 * vendor listing costs less than a generic parse of its JSON (docs/performance.md, "Listing").
 *
 * yyjson (third_party/yyjson, a well-kept C JSON library) parses each ConvInfo (array_reader.c);
 * this file walks the parsed values and makes one Python list per column, in the order and by the
 * rule of the frame's declaration, conversation_columns.COLUMNS (frames.py finishes the type,
 * marks and @ columns; tests/test_conv_columns.py checks every column against the declaration,
 * tests/test_listing.py the frames of every path). Whatever this decoder does not take as that
 * rule states (a member of another JSON type, a key it reads given twice, an integer beyond 64
 * bits, nesting deeper than PYTHON_VALUE_MAX_DEPTH) raises ValueError, and frames.py then parses
 * the text generically. A message whose text is not only text elements (a group tip, say) is
 * handed over as a parsed dict, its place listed in the result's second item, for
 * model.message_text to describe.
 *
 * The JSON keys are the vendor header's (TIMConversationManager.h, TIMMessageManager.h). No
 * lock: a decode runs within one call with the GIL held; the module's only state (the keys'
 * lengths, three constants) is set once by PyInit, under the import lock. */

#include "python_values.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "TIMCloud.h"
#include "array_reader.h"

/* The columns, in the order of the module's COLUMNS (their names in the frame). */
enum column {
    COL_CONV_ID, COL_CONV_TYPE, COL_SHOW_NAME, COL_UNREAD, COL_ACTIVE_TIME, COL_PINNED,
    COL_HAS_DRAFT, COL_DRAFT_TEXT, COL_DRAFT_USER_DEFINE, COL_DRAFT_EDIT_TIME,
    COL_LAST_MSG_TEXT, COL_LAST_MSG_SENDER, COL_LAST_MSG_TIME, COL_LAST_MSG_REVOKED,
    COL_RECV_OPT, COL_MARKS, COL_GROUPS, COL_CUSTOM_DATA, COL_READ_TIME, COL_READ_SEQ,
    COL_GROUP_AT, COL_FACE_URL, COLUMN_COUNT
};
static const char *const COLUMN_NAMES[COLUMN_COUNT] = {
    "conv_id", "conv_type", "show_name", "unread", "active_time", "pinned",
    "has_draft", "draft_text", "draft_user_define", "draft_edit_time",
    "last_msg_text", "last_msg_sender", "last_msg_time", "last_msg_revoked",
    "recv_opt", "marks", "groups", "custom_data", "read_time", "read_seq", "group_at", "face_url",
};

/* The members read of a ConvInfo, a Message, a Draft and an element. */
enum conv_member {
    CONV_ID, CONV_TYPE, CONV_SHOW_NAME, CONV_UNREAD, CONV_ACTIVE_TIME, CONV_PINNED, CONV_HAS_DRAFT,
    CONV_DRAFT, CONV_HAS_LAST, CONV_LAST, CONV_RECV_OPT, CONV_MARKS, CONV_GROUPS, CONV_CUSTOM_DATA,
    CONV_READ_TIME, CONV_READ_SEQ, CONV_GROUP_AT, CONV_FACE_URL, CONV_MEMBER_COUNT
};
enum message_member { MSG_ELEMS, MSG_SENDER, MSG_SERVER_TIME, MSG_STATUS, MSG_MEMBER_COUNT };
enum draft_member { DRAFT_MSG, DRAFT_USER_DEFINE, DRAFT_EDIT_TIME, DRAFT_MEMBER_COUNT };
enum elem_member { ELEM_TYPE, ELEM_TEXT, ELEM_MEMBER_COUNT };

static struct json_key conv_keys[CONV_MEMBER_COUNT];
static struct json_key message_keys[MSG_MEMBER_COUNT];
static struct json_key draft_keys[DRAFT_MEMBER_COUNT];
static struct json_key elem_keys[ELEM_MEMBER_COUNT];

static PyObject *empty_string; /* "" */
static PyObject *empty_tuple;  /* () */
static PyObject *zero;         /* 0 */

static void set_keys(void) {
    json_key_set(&conv_keys[CONV_ID], kTIMConvId);
    json_key_set(&conv_keys[CONV_TYPE], kTIMConvType);
    json_key_set(&conv_keys[CONV_SHOW_NAME], kTIMConvShowName);
    json_key_set(&conv_keys[CONV_UNREAD], kTIMConvUnReadNum);
    json_key_set(&conv_keys[CONV_ACTIVE_TIME], kTIMConvActiveTime);
    json_key_set(&conv_keys[CONV_PINNED], kTIMConvIsPinned);
    json_key_set(&conv_keys[CONV_HAS_DRAFT], kTIMConvIsHasDraft);
    json_key_set(&conv_keys[CONV_DRAFT], kTIMConvDraft);
    json_key_set(&conv_keys[CONV_HAS_LAST], kTIMConvIsHasLastMsg);
    json_key_set(&conv_keys[CONV_LAST], kTIMConvLastMsg);
    json_key_set(&conv_keys[CONV_RECV_OPT], kTIMConvRecvOpt);
    json_key_set(&conv_keys[CONV_MARKS], kTIMConvMarkArray);
    json_key_set(&conv_keys[CONV_GROUPS], kTIMConvConversationGroupArray);
    json_key_set(&conv_keys[CONV_CUSTOM_DATA], kTIMConvCustomData);
    json_key_set(&conv_keys[CONV_READ_TIME], kTIMConvC2CReadTimestamp);
    json_key_set(&conv_keys[CONV_READ_SEQ], kTIMConvGroupReadSequence);
    json_key_set(&conv_keys[CONV_GROUP_AT], kTIMConvGroupAtInfoArray);
    json_key_set(&conv_keys[CONV_FACE_URL], kTIMConvFaceUrl);
    json_key_set(&message_keys[MSG_ELEMS], kTIMMsgElemArray);
    json_key_set(&message_keys[MSG_SENDER], kTIMMsgSender);
    json_key_set(&message_keys[MSG_SERVER_TIME], kTIMMsgServerTime);
    json_key_set(&message_keys[MSG_STATUS], kTIMMsgStatus);
    json_key_set(&draft_keys[DRAFT_MSG], kTIMDraftMsg);
    json_key_set(&draft_keys[DRAFT_USER_DEFINE], kTIMDraftUserDefine);
    json_key_set(&draft_keys[DRAFT_EDIT_TIME], kTIMDraftEditTime);
    json_key_set(&elem_keys[ELEM_TYPE], kTIMElemType);
    json_key_set(&elem_keys[ELEM_TEXT], kTIMTextElemContent);
}

/* The text of a Message (model.message_text) when it is made of text elements only: their
 * contents joined. NULL with no error set when the message is of another kind (the caller hands
 * it to Python); NULL with an error set on failure. */
static PyObject *text_of_text_elements(yyjson_val *elems, size_t row) {
    size_t count = unsafe_yyjson_get_len(elems);
    yyjson_val *texts[8];
    if (count > sizeof(texts) / sizeof(texts[0]))
        return NULL;
    size_t index, max, length = 0;
    yyjson_val *elem;
    yyjson_arr_foreach(elems, index, max, elem) {
        yyjson_val *members[ELEM_MEMBER_COUNT];
        if (!yyjson_is_obj(elem))
            return NULL;
        if (!find_members(elem, elem_keys, ELEM_MEMBER_COUNT, members, row))
            return NULL;
        yyjson_val *type = members[ELEM_TYPE], *text = members[ELEM_TEXT];
        if (!type || !yyjson_is_int(type) || yyjson_get_sint(type) != kTIMElem_Text ||
            (text && !yyjson_is_str(text)))
            return NULL;
        texts[index] = text;
        length += text ? unsafe_yyjson_get_len(text) : 0;
    }
    if (count == 1)
        return texts[0] ? new_string(texts[0]) : new_reference(empty_string);
    char *joined = PyMem_Malloc(length + 1);
    if (!joined)
        return PyErr_NoMemory();
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        if (texts[i]) {
            memcpy(joined + at, unsafe_yyjson_get_str(texts[i]), unsafe_yyjson_get_len(texts[i]));
            at += unsafe_yyjson_get_len(texts[i]);
        }
    }
    PyObject *text = PyUnicode_DecodeUTF8(joined, (Py_ssize_t)at, "strict");
    PyMem_Free(joined);
    return text;
}

/* Where a message's text is left to Python: (column, row) in the result's second item. */
static int defer_text(PyObject *deferred, enum column column, size_t row) {
    PyObject *place = Py_BuildValue("(sn)", COLUMN_NAMES[column], (Py_ssize_t)row);
    int failed = !place || PyList_Append(deferred, place) < 0;
    Py_XDECREF(place);
    return failed ? -1 : 0;
}

/* model.message_text(message) for a non-empty message object whose members the caller found; a
 * message that is not only text elements is given as its parsed dict, its place added to
 * ``deferred``. */
static PyObject *message_text(yyjson_val *message, yyjson_val **members, enum column column, size_t row,
                              PyObject *deferred) {
    yyjson_val *elems = members[MSG_ELEMS];
    if (!elems || yyjson_is_null(elems) || (yyjson_is_arr(elems) && unsafe_yyjson_get_len(elems) == 0))
        return new_reference(empty_string);
    if (yyjson_is_arr(elems)) {
        PyObject *text = text_of_text_elements(elems, row);
        if (text || PyErr_Occurred())
            return text;
    }
    if (defer_text(deferred, column, row) < 0)
        return NULL;
    return python_value(message, row);
}

/* model.message_text(draft's message): "" when it is absent, null or {}. */
static PyObject *draft_text(yyjson_val *message, size_t row, PyObject *deferred) {
    if (!message || yyjson_is_null(message) || (yyjson_is_obj(message) && unsafe_yyjson_get_len(message) == 0))
        return new_reference(empty_string);
    if (!yyjson_is_obj(message))
        return refuse("a draft's message of another type", row);
    yyjson_val *members[MSG_MEMBER_COUNT];
    if (!find_members(message, message_keys, MSG_MEMBER_COUNT, members, row))
        return NULL;
    return message_text(message, members, COL_DRAFT_TEXT, row, deferred);
}

/* The frame's columns as they are made: one array of values per column, grown together, each
 * row set once (NULL until then). They become lists only once the whole array is read. */
struct columns {
    PyObject **values[COLUMN_COUNT];
    size_t capacity;
};

/* Sets one column's row to ``value`` (taking its reference); false (an error set) when
 * ``value`` is NULL. */
static bool put(struct columns *columns, enum column column, size_t row, PyObject *value) {
    if (!value)
        return false;
    columns->values[column][row] = value;
    return true;
}

/* A non-empty object (what ``if d`` admits), or NULL: a draft or last message that counts. */
static yyjson_val *non_empty_object(yyjson_val *value) {
    return value && yyjson_is_obj(value) && unsafe_yyjson_get_len(value) > 0 ? value : NULL;
}

/* The member the flag admits (``info.get(key) if info.get(flag) else None``), or NULL. False (an
 * error set) when the flag or the member is of another type. */
static bool flagged_member(yyjson_val *flag, yyjson_val *member, const char *what, size_t row,
                           yyjson_val **admitted) {
    int set = flag_member(flag, row);
    *admitted = set > 0 ? member : NULL;
    if (*admitted && !yyjson_is_obj(*admitted) && !yyjson_is_null(*admitted)) {
        refuse(what, row);
        return false;
    }
    return set >= 0;
}

/* The draft's four columns (conversation_columns.COLUMNS: "has_draft" to "draft_edit_time"). */
static bool draft_columns(struct columns *columns, yyjson_val **conv, size_t row, PyObject *deferred) {
    yyjson_val *draft, *members[DRAFT_MEMBER_COUNT];
    if (!flagged_member(conv[CONV_HAS_DRAFT], conv[CONV_DRAFT], "a draft of another type", row, &draft) ||
        !put(columns, COL_HAS_DRAFT, row, PyBool_FromLong(draft && !yyjson_is_null(draft))))
        return false;
    if (!(draft = non_empty_object(draft)))
        return put(columns, COL_DRAFT_TEXT, row, new_reference(Py_None)) &&
               put(columns, COL_DRAFT_USER_DEFINE, row, new_reference(Py_None)) &&
               put(columns, COL_DRAFT_EDIT_TIME, row, new_reference(Py_None));
    return find_members(draft, draft_keys, DRAFT_MEMBER_COUNT, members, row) &&
           put(columns, COL_DRAFT_TEXT, row, draft_text(members[DRAFT_MSG], row, deferred)) &&
           put(columns, COL_DRAFT_USER_DEFINE, row, string_member(members[DRAFT_USER_DEFINE], empty_string, row)) &&
           put(columns, COL_DRAFT_EDIT_TIME, row, integer_member(members[DRAFT_EDIT_TIME], Py_None, row));
}

/* The last message's four columns ("last_msg_text" to "last_msg_revoked"). */
static bool last_message_columns(struct columns *columns, yyjson_val **conv, size_t row, PyObject *deferred) {
    yyjson_val *last, *members[MSG_MEMBER_COUNT];
    if (!flagged_member(conv[CONV_HAS_LAST], conv[CONV_LAST], "a last message of another type", row, &last))
        return false;
    if (!(last = non_empty_object(last)))
        return put(columns, COL_LAST_MSG_TEXT, row, new_reference(Py_None)) &&
               put(columns, COL_LAST_MSG_SENDER, row, new_reference(Py_None)) &&
               put(columns, COL_LAST_MSG_TIME, row, new_reference(Py_None)) &&
               put(columns, COL_LAST_MSG_REVOKED, row, new_reference(Py_None));
    if (!find_members(last, message_keys, MSG_MEMBER_COUNT, members, row))
        return false;
    /* message.get(status) == kTIMMsg_Revoked */
    yyjson_val *status = members[MSG_STATUS];
    bool status_known = !status || yyjson_is_null(status) || yyjson_is_int(status);
    return put(columns, COL_LAST_MSG_TEXT, row, message_text(last, members, COL_LAST_MSG_TEXT, row, deferred)) &&
           put(columns, COL_LAST_MSG_SENDER, row, string_member(members[MSG_SENDER], empty_string, row)) &&
           put(columns, COL_LAST_MSG_TIME, row, integer_member(members[MSG_SERVER_TIME], Py_None, row)) &&
           put(columns, COL_LAST_MSG_REVOKED, row,
               status_known ? PyBool_FromLong(status && yyjson_is_int(status) &&
                                              yyjson_get_sint(status) == kTIMMsg_Revoked)
                            : refuse("a message status of another type", row));
}

/* A C2C or group conversation's type (as it is: frames.py names it). */
static PyObject *conversation_type(yyjson_val *type, size_t row) {
    if (!type || !yyjson_is_int(type) ||
        (yyjson_get_sint(type) != kTIMConv_C2C && yyjson_get_sint(type) != kTIMConv_Group))
        return refuse("no C2C or group conv_type", row);
    return new_integer(type);
}

/* One ConvInfo's values, into row ``row`` of every column, in the columns' order, stopping at
 * the first failure. */
static bool conversation_row(struct columns *columns, yyjson_val *info, size_t row, PyObject *deferred) {
    yyjson_val *conv[CONV_MEMBER_COUNT];
    if (!yyjson_is_obj(info)) {
        refuse("not an object", row);
        return false;
    }
    if (!find_members(info, conv_keys, CONV_MEMBER_COUNT, conv, row))
        return false;
    yyjson_val *id = conv[CONV_ID], *read_time = conv[CONV_READ_TIME];
    int pinned;
    return put(columns, COL_CONV_ID, row, id && yyjson_is_str(id) ? new_string(id) : refuse("no string conv_id", row)) &&
           put(columns, COL_CONV_TYPE, row, conversation_type(conv[CONV_TYPE], row)) &&
           put(columns, COL_SHOW_NAME, row, string_member(conv[CONV_SHOW_NAME], empty_string, row)) &&
           put(columns, COL_UNREAD, row, integer_member(conv[CONV_UNREAD], zero, row)) &&
           put(columns, COL_ACTIVE_TIME, row, integer_member(conv[CONV_ACTIVE_TIME], Py_None, row)) &&
           (pinned = flag_member(conv[CONV_PINNED], row)) >= 0 &&
           put(columns, COL_PINNED, row, PyBool_FromLong(pinned)) &&
           draft_columns(columns, conv, row, deferred) &&
           last_message_columns(columns, conv, row, deferred) &&
           put(columns, COL_RECV_OPT, row, integer_member(conv[CONV_RECV_OPT], zero, row)) &&
           put(columns, COL_MARKS, row, array_member(conv[CONV_MARKS], empty_string, false, row)) &&
           put(columns, COL_GROUPS, row, array_member(conv[CONV_GROUPS], empty_tuple, true, row)) &&
           put(columns, COL_CUSTOM_DATA, row, string_member(conv[CONV_CUSTOM_DATA], empty_string, row)) &&
           /* info.get(key) or None: a read time of 0 is none. */
           put(columns, COL_READ_TIME, row,
               read_time && yyjson_is_int(read_time) && yyjson_get_sint(read_time) == 0 /* 0 or -0 */
                   ? new_reference(Py_None) : integer_member(read_time, Py_None, row)) &&
           put(columns, COL_READ_SEQ, row, integer_member(conv[CONV_READ_SEQ], Py_None, row)) &&
           put(columns, COL_GROUP_AT, row, array_member(conv[CONV_GROUP_AT], empty_string, false, row)) &&
           put(columns, COL_FACE_URL, row, string_member(conv[CONV_FACE_URL], empty_string, row));
}

static void free_columns(struct columns *columns) {
    for (int column = 0; column < COLUMN_COUNT; column++) {
        if (columns->values[column])
            for (size_t row = 0; row < columns->capacity; row++)
                Py_XDECREF(columns->values[column][row]);
        free(columns->values[column]);
        columns->values[column] = NULL;
    }
    columns->capacity = 0;
}

/* Room for row ``row`` in every column (new rows NULL). */
static bool make_room(struct columns *columns, size_t row) {
    if (row < columns->capacity)
        return true;
    size_t capacity = columns->capacity ? columns->capacity * 2 : 1024;
    if (capacity > SIZE_MAX / sizeof(PyObject *)) {
        PyErr_NoMemory();
        return false;
    }
    for (int column = 0; column < COLUMN_COUNT; column++) {
        PyObject **grown = realloc(columns->values[column], capacity * sizeof(PyObject *));
        if (!grown) {
            PyErr_NoMemory();
            return false; /* the columns grown so far keep their NULL rows: all are freed alike */
        }
        memset(grown + columns->capacity, 0, (capacity - columns->capacity) * sizeof(PyObject *));
        columns->values[column] = grown;
    }
    columns->capacity = capacity;
    return true;
}

/* One column's first ``count`` rows as a list, taking their references (those not taken when it
 * fails stay for free_columns). PyList_SetItem and PyTuple_SetItem take the item's reference, even
 * when they fail. */
static PyObject *column_list(PyObject **values, size_t count) {
    PyObject *list = PyList_New((Py_ssize_t)count);
    for (size_t row = 0; list && row < count; row++) {
        PyObject *value = values[row];
        values[row] = NULL;
        if (PyList_SetItem(list, (Py_ssize_t)row, value) < 0)
            Py_CLEAR(list);
    }
    return list;
}

/* The columns' first ``count`` rows as a tuple of lists. */
static PyObject *column_lists(struct columns *columns, size_t count) {
    PyObject *lists = PyTuple_New(COLUMN_COUNT);
    for (int column = 0; lists && column < COLUMN_COUNT; column++) {
        PyObject *list = column_list(columns->values[column], count);
        if (!list || PyTuple_SetItem(lists, column, list) < 0)
            Py_CLEAR(lists);
    }
    return lists;
}

static PyObject *decode(PyObject *module, PyObject *args) {
    (void)module;
    const char *text;
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "s#:decode", &text, &length))
        return NULL;
    struct array_reader reader;
    struct columns columns = {{NULL}, 0};
    PyObject *deferred = PyList_New(0), *result = NULL;
    if (!deferred || !array_reader_open(&reader, text, (size_t)length, ARRAY_READER_WINDOW)) {
        Py_XDECREF(deferred);
        return PyErr_Occurred() ? NULL : PyErr_NoMemory();
    }
    size_t count = 0;
    enum array_read read;
    while ((read = array_reader_next(&reader)) == ARRAY_ELEMENT) {
        if (!make_room(&columns, count) ||
            !conversation_row(&columns, yyjson_doc_get_root(reader.element), count, deferred))
            break;
        count++;
    }
    if (read == ARRAY_NO_MEMORY)
        PyErr_NoMemory();
    else if (read == ARRAY_NOT_ONE)
        PyErr_Format(PyExc_ValueError, "not one JSON array (near byte %zu: %s)", reader.at,
                     reader.error.msg ? reader.error.msg : "outside the array's framing");
    PyObject *lists = read == ARRAY_END ? column_lists(&columns, count) : NULL;
    if (lists) {
        result = PyTuple_Pack(2, lists, deferred);
        Py_DECREF(lists);
    }
    array_reader_close(&reader);
    free_columns(&columns);
    Py_DECREF(deferred);
    return result;
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_VARARGS,
     "decode(text) -> (columns, deferred): a ConvInfo array's JSON (str or bytes) as one list per "
     "name in COLUMNS, and the (column, row) places holding a message dict whose text is left to "
     "model.message_text. ValueError for a document this decoder does not take."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module_definition = {
    PyModuleDef_HEAD_INIT, "timconv_nb._conv_columns",
    "ConvInfo JSON decoded straight into the conversation frame's columns (frames.py).", -1, methods,
    NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__conv_columns(void) {
    set_keys();
    if (!empty_string)
        empty_string = PyUnicode_FromStringAndSize("", 0);
    if (!empty_tuple)
        empty_tuple = PyTuple_New(0);
    if (!zero)
        zero = PyLong_FromLong(0);
    if (!empty_string || !empty_tuple || !zero)
        return NULL;
    PyObject *module = PyModule_Create(&module_definition);
    PyObject *names = module ? PyTuple_New(COLUMN_COUNT) : NULL;
    for (int column = 0; names && column < COLUMN_COUNT; column++) {
        PyObject *name = PyUnicode_FromString(COLUMN_NAMES[column]);
        if (!name || PyTuple_SetItem(names, column, name) < 0)
            Py_CLEAR(names);
    }
    if (!names || PyModule_AddObject(module, "COLUMNS", names) < 0) {
        Py_XDECREF(names);
        Py_XDECREF(module);
        return NULL;
    }
    return module;
}
