/* The elements of a JSON array, each parsed by yyjson on its own (array_reader.c). */
#ifndef TIMCONV_ARRAY_READER_H
#define TIMCONV_ARRAY_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "yyjson.h"

enum array_read {
    ARRAY_ELEMENT, /* *element holds the next element's document */
    ARRAY_END,     /* the array and the text ended, nothing but whitespace after "]" */
    ARRAY_NOT_ONE, /* the text is not one array (its framing, or an element, is not JSON) */
    ARRAY_NO_MEMORY,
};

struct array_reader {
    const char *text; /* the whole text, never modified */
    size_t length;
    size_t at;        /* where the next element (or the array's end) is looked for */
    bool started;     /* "[" read */
    size_t first_window;
    char *window;     /* a copy of text[window_start, window_start + window_length), padded */
    size_t window_start, window_length, window_capacity;
    yyjson_alc *values; /* one element's values at a time, the memory reused */
    yyjson_doc *element;
    yyjson_read_err error; /* why ARRAY_NOT_ONE, when yyjson said (else its msg is NULL) */
};

/* Some hundreds of ConvInfos (about 900 bytes each in a vendor listing): the decoder's window. */
enum { ARRAY_READER_WINDOW = 256 * 1024 };

/* A reader over ``text`` (not copied: it must outlive the reader), its window ``first_window``
 * bytes to begin with (grown as elements need). False when out of memory. */
bool array_reader_open(struct array_reader *reader, const char *text, size_t length, size_t first_window);

/* The next element, as a document in reader->element (valid until the next call or the close). */
enum array_read array_reader_next(struct array_reader *reader);

void array_reader_close(struct array_reader *reader);

#endif
