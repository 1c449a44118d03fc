/* libFuzzer harness of the listing decoder's array reader (timconv_nb/engine/columns/
 * array_reader.c), which parses a JSON array one element at a time in a window copied from the
 * text. The fuzzer's first byte picks the window's first size (1 to 64 bytes, so that elements
 * are cut by its end everywhere); the rest is the text. What must hold: the reader reads the
 * text to its end exactly when yyjson parses the whole text as one array, and then its elements
 * are that array's elements, equal and in order. (Of a text that is not one array, the elements
 * before the fault are read before the fault is found: the decoder then drops what it made.) Built with clang -fsanitize=fuzzer,address,undefined
 * by tests/test_fuzz.py; a broken property aborts.
 *
 * Usage: fuzz_array_reader [libFuzzer options] CORPUS_DIR... */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "array_reader.h"

static void check(int holds, const char *what) {
    if (!holds) {
        fprintf(stderr, "array reader: %s\n", what);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1)
        return 0;
    size_t window = 1 + data[0] % 64;
    const char *text = (const char *)data + 1;
    size_t length = size - 1;

    /* The reference: the whole text parsed at once (the text is not modified: no INSITU). */
    yyjson_doc *whole = length ? yyjson_read_opts((char *)text, length, YYJSON_READ_BIGNUM_AS_RAW, NULL, NULL) : NULL;
    yyjson_val *array = whole && yyjson_is_arr(yyjson_doc_get_root(whole)) ? yyjson_doc_get_root(whole) : NULL;
    yyjson_arr_iter expected;
    if (array)
        yyjson_arr_iter_init(array, &expected);

    struct array_reader reader;
    check(array_reader_open(&reader, text, length, window), "no memory to open");
    enum array_read read;
    size_t count = 0;
    while ((read = array_reader_next(&reader)) == ARRAY_ELEMENT) {
        if (array) {
            yyjson_val *reference = yyjson_arr_iter_next(&expected);
            check(reference != NULL, "an element the whole text does not have");
            check(yyjson_equals(yyjson_doc_get_root(reader.element), reference), "an element unlike the whole text's");
        }
        count++;
    }
    check(read != ARRAY_NO_MEMORY, "out of memory");
    check((read == ARRAY_END) == (array != NULL), "the reader and the whole parse disagree on the text");
    check(read != ARRAY_END || count == yyjson_arr_size(array), "elements missed");
    array_reader_close(&reader);
    yyjson_doc_free(whole);
    return 0;
}
