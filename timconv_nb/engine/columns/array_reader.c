/* The elements of one JSON array, each parsed by yyjson as a document of its own.
 *
 * Why: yyjson parses a whole document into one block of values (16 bytes each) beside a copy
 * of the text. For a 90 MB listing that is 150 MB of fresh memory, whose page faults cost more
 * than the parse itself (docs/performance.md, "Listing"). Parsed one element at a time, in place
 * in a window copied from the text, each element's values in one allocator whose memory is
 * reused, what is touched stays small and in cache.
 *
 * Only the array's framing is read here, as RFC 8259 (sections 2 and 5) writes it: whitespace,
 * "[", the "," between elements, "]". Each element is parsed by yyjson
 * (YYJSON_READ_STOP_WHEN_DONE says where it ended). An element cut by the window's end fails to
 * parse, or (a number) ends where the window ends: the window is then refilled from that
 * element's start (grown when the element filled it). An element is not JSON only when it fails
 * with the whole rest of the text in the window.
 * In-place parsing changes only the window's copy of the element parsed; the text is never
 * changed.
 *
 * No lock: a reader belongs to one call, on one thread. */

#include "array_reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool array_reader_open(struct array_reader *reader, const char *text, size_t length, size_t first_window) {
    memset(reader, 0, sizeof(*reader));
    reader->text = text;
    reader->length = length;
    reader->first_window = first_window ? first_window : 1;
    reader->values = yyjson_alc_dyn_new();
    return reader->values != NULL;
}

void array_reader_close(struct array_reader *reader) {
    if (reader->element)
        yyjson_doc_free(reader->element);
    if (reader->values)
        yyjson_alc_dyn_free(reader->values);
    free(reader->window);
    memset(reader, 0, sizeof(*reader));
}

static void skip_space(struct array_reader *reader) {
    while (reader->at < reader->length) {
        char c = reader->text[reader->at];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return;
        reader->at++;
    }
}

/* Copies the text from reader->at into the window, grown to ``capacity`` bytes if smaller, with
 * the zero padding in-place parsing needs after it. */
static bool fill_window(struct array_reader *reader, size_t capacity) {
    if (capacity > reader->window_capacity) {
        if (capacity > SIZE_MAX - YYJSON_PADDING_SIZE)
            return false;
        char *grown = realloc(reader->window, capacity + YYJSON_PADDING_SIZE);
        if (!grown)
            return false;
        reader->window = grown;
        reader->window_capacity = capacity;
    }
    size_t rest = reader->length - reader->at;
    reader->window_start = reader->at;
    reader->window_length = rest < reader->window_capacity ? rest : reader->window_capacity;
    memcpy(reader->window, reader->text + reader->at, reader->window_length);
    memset(reader->window + reader->window_length, 0, YYJSON_PADDING_SIZE);
    return true;
}

/* Parses the element at reader->at (which is before the text's end). */
static enum array_read read_element(struct array_reader *reader) {
    if ((reader->at < reader->window_start || reader->at >= reader->window_start + reader->window_length) &&
        !fill_window(reader, reader->window_capacity ? reader->window_capacity : reader->first_window))
        return ARRAY_NO_MEMORY;
    for (;;) {
        size_t offset = reader->at - reader->window_start;
        /* A number beyond 64-bit integers or doubles stays its raw text (yyjson would take an
         * integer beyond 64 bits as a double): the caller then refuses it. */
        reader->element = yyjson_read_opts(reader->window + offset, reader->window_length - offset,
                                           YYJSON_READ_INSITU | YYJSON_READ_STOP_WHEN_DONE | YYJSON_READ_BIGNUM_AS_RAW,
                                           reader->values, &reader->error);
        bool whole_rest = reader->window_start + reader->window_length == reader->length;
        if (reader->element) {
            size_t read = yyjson_doc_get_read_size(reader->element);
            /* An element ending at the window's end may have been cut there (a number, "12" of
             * "123"): it is parsed again from a refilled window. */
            if (offset + read < reader->window_length || whole_rest) {
                reader->at += read;
                return ARRAY_ELEMENT;
            }
            yyjson_doc_free(reader->element);
            reader->element = NULL;
        } else if (reader->error.code == YYJSON_READ_ERROR_MEMORY_ALLOCATION) {
            return ARRAY_NO_MEMORY;
        } else if (whole_rest) {
            return ARRAY_NOT_ONE;
        }
        size_t capacity = offset == 0 ? reader->window_capacity * 2 : reader->window_capacity;
        if (capacity < reader->window_capacity || !fill_window(reader, capacity))
            return ARRAY_NO_MEMORY;
    }
}

/* "]" read: the text must end there, but for whitespace. */
static enum array_read end_of_array(struct array_reader *reader) {
    reader->at++;
    skip_space(reader);
    return reader->at == reader->length ? ARRAY_END : ARRAY_NOT_ONE;
}

enum array_read array_reader_next(struct array_reader *reader) {
    if (reader->element) {
        yyjson_doc_free(reader->element);
        reader->element = NULL;
    }
    reader->error = (yyjson_read_err){0}; /* a fault of the framing has no yyjson message */
    skip_space(reader);
    if (reader->at == reader->length)
        return ARRAY_NOT_ONE;
    char c = reader->text[reader->at];
    if (!reader->started) {
        if (c != '[')
            return ARRAY_NOT_ONE;
        reader->started = true;
        reader->at++;
        skip_space(reader);
        if (reader->at == reader->length)
            return ARRAY_NOT_ONE;
        return reader->text[reader->at] == ']' ? end_of_array(reader) : read_element(reader);
    }
    if (c == ']')
        return end_of_array(reader);
    if (c != ',')
        return ARRAY_NOT_ONE;
    reader->at++;
    skip_space(reader);
    return reader->at < reader->length ? read_element(reader) : ARRAY_NOT_ONE;
}
