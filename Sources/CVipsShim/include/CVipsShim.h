// The few libvips calls the engine makes, as plain C functions: libvips's API is variadic
// (options as name/value pairs ending in NULL), which Swift cannot call.
#ifndef PORTAL_VIPS_SHIM_H
#define PORTAL_VIPS_SHIM_H
#include <stddef.h>

// Starts libvips once per process; 0 on success.
int portal_vips_start(void);
// The last error's text for this thread ("" when none), then cleared.
const char *portal_vips_last_error(void);
void portal_vips_clear_error(void);

// Width and height as the image is shown (EXIF orientation applied), from its header only.
int portal_vips_size(const char *path, int *width, int *height);
// The same, plus the loader libvips chose ("jpegload", "pngload", "gifload", "webpload"…)
// copied into `loader` (at most `capacity` bytes with its NUL) and the EXIF orientation (1-8).
int portal_vips_probe(const char *path, int *width, int *height, int *orientation, char *loader, size_t capacity);
// Threads libvips uses inside one operation; the build already runs one photo per core.
void portal_vips_set_concurrency(int threads);

void portal_vips_free(void *bytes);

// One variant asked of portal_vips_variants: at most `width` pixels wide (never enlarged), or
// cropped to `width` x `height` around what draws attention when height > 0; turned by its
// EXIF orientation, in sRGB, all metadata dropped, encoded with `quality`. `bytes` and `length`
// are filled in; `bytes` is freed with portal_vips_free.
typedef struct {
    int width;
    int height;          // > 0: cropped to width x height
    const char *format;  // "jpeg", "webp" or "png"
    int quality;
    void *bytes;
    size_t length;
} portal_vips_request;

// Every variant of one photo from a single decode: the photo is read once, shrunk on load to
// the size the largest request needs, kept in memory, and each request made from that copy
// (decoding a camera JPEG costs more than all its small variants together). On failure, the
// requests already made are freed.
int portal_vips_variants(const char *path, portal_vips_request *requests, int count);

// Whether encoded image bytes carry a metadata field (e.g. "exif-data"), for tests.
int portal_vips_has_field(const void *bytes, size_t length, const char *field);
// A test image: width x height of one colour, as a JPEG with EXIF `orientation` (1-8).
int portal_vips_test_jpeg(int width, int height, int orientation, void **bytes, size_t *length);
// A test photo as a phone writes it: a gradient with texture (so it compresses like a photo),
// EXIF `orientation`, a camera make and serial, and with `gps` a GPS position; `format` is
// "jpeg", "png", "webp" or "gif"; quality applies to JPEG and WebP.
int portal_vips_test_photo(int width, int height, int orientation, int gps, const char *format, int quality,
                           void **bytes, size_t *length);

#endif
