#include "CVipsShim.h"
#include <vips/vips.h>
#include <string.h>
#include <pthread.h>

static int start_result = -1;

static void start_once(void) {
    start_result = VIPS_INIT("portal") == 0 ? 0 : -1;
    // No operation cache: a build reads each photo once.
    vips_cache_set_max(0);
}

// Once per process, whichever thread comes first: two threads starting libvips together
// registered its types twice and crashed.
int portal_vips_start(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, start_once);
    return start_result;
}

const char *portal_vips_last_error(void) { return vips_error_buffer(); }

void portal_vips_clear_error(void) { vips_error_clear(); }

int portal_vips_size(const char *path, int *width, int *height) {
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    int w = vips_image_get_width(image);
    int h = vips_image_get_height(image);
    int orientation = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) {
        vips_image_get_int(image, VIPS_META_ORIENTATION, &orientation);
    }
    g_object_unref(image);
    int turned = orientation >= 5 && orientation <= 8;
    *width = turned ? h : w;
    *height = turned ? w : h;
    return 0;
}

// Drops every metadata field but the colour profile: libvips 8.14's WebP writer kept the EXIF
// block (GPS position included) even with "strip".
static VipsImage *without_metadata(VipsImage *image) {
    VipsImage *copy = NULL;
    if (vips_copy(image, &copy, NULL)) return NULL;
    gchar **fields = vips_image_get_fields(copy);
    for (int i = 0; fields[i]; i++) {
        const char *name = fields[i];
        if (strncmp(name, "exif-", 5) == 0 || strncmp(name, "xmp-", 4) == 0 || strncmp(name, "iptc-", 5) == 0 ||
            strcmp(name, VIPS_META_ORIENTATION) == 0 || strcmp(name, "jpeg-thumbnail-data") == 0)
            vips_image_remove(copy, name);
    }
    g_strfreev(fields);
    return copy;
}

static int encode(VipsImage *image, const char *format, int quality, void **bytes, size_t *length);

static int save(VipsImage *image, const char *format, int quality, void **bytes, size_t *length) {
    VipsImage *bare = without_metadata(image);
    if (!bare) return -1;
    int failed = encode(bare, format, quality, bytes, length);
    g_object_unref(bare);
    return failed;
}

static unsigned le32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (unsigned)p[3] << 24; }

static void put_le32(unsigned char *p, unsigned v) {
    p[0] = v & 0xFF;
    p[1] = (v >> 8) & 0xFF;
    p[2] = (v >> 16) & 0xFF;
    p[3] = (v >> 24) & 0xFF;
}

// libvips 8.14's WebP writer adds an EXIF chunk (made from the image's size and resolution)
// even with "strip": the EXIF and XMP chunks are removed from the RIFF container here, and
// their flags cleared in the VP8X header.
static void drop_webp_metadata(unsigned char *bytes, size_t *length) {
    if (*length < 12 || memcmp(bytes, "RIFF", 4) != 0 || memcmp(bytes + 8, "WEBP", 4) != 0) return;
    size_t read = 12, write = 12;
    while (read + 8 <= *length) {
        size_t size = le32(bytes + read + 4);
        size_t whole = 8 + size + (size & 1);
        if (read + whole > *length) whole = *length - read;
        int metadata = memcmp(bytes + read, "EXIF", 4) == 0 || memcmp(bytes + read, "XMP ", 4) == 0;
        if (memcmp(bytes + read, "VP8X", 4) == 0 && size >= 1) bytes[read + 8] &= (unsigned char)~0x0C;
        if (!metadata) {
            memmove(bytes + write, bytes + read, whole);
            write += whole;
        }
        read += whole;
    }
    *length = write;
    put_le32(bytes + 4, (unsigned)(write - 8));
}

static int encode(VipsImage *image, const char *format, int quality, void **bytes, size_t *length) {
    if (strcmp(format, "webp") == 0) {
        if (vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, NULL)) return -1;
        drop_webp_metadata(*bytes, length);
        return 0;
    }
    if (strcmp(format, "png") == 0)
        return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, NULL);
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

void portal_vips_free(void *bytes) { g_free(bytes); }

// The width the photo must be decoded at for a request: its width, or for a crop, the width
// at which the photo covers the crop.
static int needed_width(const portal_vips_request *request, int width, int height) {
    if (request->height <= 0) return request->width;
    double scale = (double)request->width / width;
    double tall = (double)request->height / height;
    if (tall > scale) scale = tall;
    return (int)(width * scale + 0.999);
}

int portal_vips_variants(const char *path, portal_vips_request *requests, int count) {
    int width = 0, height = 0;
    if (portal_vips_size(path, &width, &height)) return -1;
    int largest = 1;
    for (int i = 0; i < count; i++) {
        int needed = needed_width(&requests[i], width, height);
        if (needed > largest) largest = needed;
        requests[i].bytes = NULL;
        requests[i].length = 0;
    }
    VipsImage *decoded = NULL;
    if (vips_thumbnail(path, &decoded, largest, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                       "export_profile", "srgb", NULL))
        return -1;
    VipsImage *photo = vips_image_copy_memory(decoded);
    g_object_unref(decoded);
    if (!photo) return -1;
    int failed = 0;
    for (int i = 0; i < count && !failed; i++) {
        VipsImage *variant = NULL;
        if (requests[i].height > 0) {
            failed = vips_thumbnail_image(photo, &variant, requests[i].width, "height", requests[i].height, "crop",
                                          VIPS_INTERESTING_ATTENTION, "size", VIPS_SIZE_DOWN, NULL);
        } else {
            failed = vips_thumbnail_image(photo, &variant, requests[i].width, "height", VIPS_MAX_COORD, "size",
                                          VIPS_SIZE_DOWN, NULL);
        }
        if (failed) break;
        failed = save(variant, requests[i].format, requests[i].quality, &requests[i].bytes, &requests[i].length);
        g_object_unref(variant);
    }
    g_object_unref(photo);
    if (failed) {
        for (int i = 0; i < count; i++) {
            g_free(requests[i].bytes);
            requests[i].bytes = NULL;
        }
        return -1;
    }
    return 0;
}

int portal_vips_has_field(const void *bytes, size_t length, const char *field) {
    VipsImage *image = vips_image_new_from_buffer(bytes, length, "", NULL);
    if (!image) return -1;
    int has = vips_image_get_typeof(image, field) != 0;
    g_object_unref(image);
    return has;
}

int portal_vips_test_jpeg(int width, int height, int orientation, void **bytes, size_t *length) {
    VipsImage *black = NULL;
    VipsImage *colour = NULL;
    if (vips_black(&black, width, height, "bands", 3, NULL)) return -1;
    double add[3] = {200, 120, 40};
    double times[3] = {1, 1, 1};
    if (vips_linear(black, &colour, times, add, 3, "uchar", TRUE, NULL)) {
        g_object_unref(black);
        return -1;
    }
    g_object_unref(black);
    vips_image_set_int(colour, VIPS_META_ORIENTATION, orientation);
    int failed = vips_jpegsave_buffer(colour, bytes, length, "Q", 90, NULL);
    g_object_unref(colour);
    return failed ? -1 : 0;
}
