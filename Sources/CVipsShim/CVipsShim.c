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

int portal_vips_probe(const char *path, int *width, int *height, int *orientation, char *loader, size_t capacity) {
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) return -1;
    int w = vips_image_get_width(image);
    int h = vips_image_get_height(image);
    int turn = 1;
    if (vips_image_get_typeof(image, VIPS_META_ORIENTATION)) {
        vips_image_get_int(image, VIPS_META_ORIENTATION, &turn);
    }
    if (loader && capacity > 0) {
        const char *name = "";
        if (vips_image_get_typeof(image, VIPS_META_LOADER)) vips_image_get_string(image, VIPS_META_LOADER, &name);
        g_strlcpy(loader, name, capacity);
    }
    g_object_unref(image);
    int turned = turn >= 5 && turn <= 8;
    *width = turned ? h : w;
    *height = turned ? w : h;
    if (orientation) *orientation = turn;
    return 0;
}

int portal_vips_size(const char *path, int *width, int *height) {
    return portal_vips_probe(path, width, height, NULL, NULL, 0);
}

void portal_vips_set_concurrency(int threads) { vips_concurrency_set(threads); }

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
        // Effort 0 of 6: a quarter less CPU for all of a photo's variants than effort 2, files 1% larger.
        if (vips_webpsave_buffer(image, bytes, length, "Q", quality, "effort", 0, "strip", TRUE, NULL)) return -1;
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

// In sRGB: a photo with its own colour profile (a phone's Display P3) is converted; one
// without is taken as sRGB, as browsers take it (converting it anyway cost as much as decoding).
static VipsImage *in_srgb(VipsImage *image) {
    VipsImage *result = NULL;
    if (vips_image_get_typeof(image, VIPS_META_ICC_NAME)) {
        if (vips_icc_transform(image, &result, "srgb", "embedded", TRUE, NULL)) result = NULL;
    } else if (vips_image_guess_interpretation(image) == VIPS_INTERPRETATION_CMYK) {
        if (vips_colourspace(image, &result, VIPS_INTERPRETATION_sRGB, NULL)) result = NULL;
    } else {
        result = image;
        g_object_ref(result);
    }
    g_object_unref(image);
    return result;
}

// `image` made `upright_width` wide once turned upright, then turned, in memory. Turning the
// small copy rather than the decoded photo: turning while decoding cost more than the decode.
static VipsImage *scaled_upright(VipsImage *image, int upright_width, int turned) {
    int width = turned ? vips_image_get_height(image) : vips_image_get_width(image);
    VipsImage *scaled = image;
    g_object_ref(scaled);
    if (upright_width < width) {
        g_object_unref(scaled);
        if (vips_resize(image, &scaled, (double)upright_width / width, NULL)) scaled = NULL;
    }
    g_object_unref(image);
    if (!scaled) return NULL;
    VipsImage *memory = vips_image_copy_memory(scaled);
    g_object_unref(scaled);
    if (!memory || !turned) return memory;
    VipsImage *upright = NULL;
    int failed = vips_autorot(memory, &upright, NULL);
    g_object_unref(memory);
    if (failed) return NULL;
    VipsImage *done = vips_image_copy_memory(upright);
    g_object_unref(upright);
    return done;
}

// A JPEG decoded at 1/2, 1/4 or 1/8 when that still covers `needed` (upright width), scaled
// to `needed` and turned upright.
static VipsImage *decode_jpeg(const char *path, int needed, int upright_width, int orientation) {
    int shrink = 1;
    while (shrink < 8 && upright_width / (shrink * 2) >= needed) shrink *= 2;
    VipsImage *loaded = NULL;
    // A damaged file is an error, not a grey half-photo published without a word.
    if (vips_jpegload(path, &loaded, "shrink", shrink, "fail_on", VIPS_FAIL_ON_ERROR, "access",
                      VIPS_ACCESS_SEQUENTIAL, NULL))
        return NULL;
    VipsImage *colour = in_srgb(loaded);
    if (!colour) return NULL;
    return scaled_upright(colour, needed < upright_width ? needed : upright_width, orientation >= 5 && orientation <= 8);
}

// PNG, GIF, WebP: libvips's thumbnail streams them, so a huge PNG is never whole in memory.
static VipsImage *decode_other(const char *path, int needed) {
    VipsImage *decoded = NULL;
    if (vips_thumbnail(path, &decoded, needed, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "export_profile",
                       "srgb", "fail_on", VIPS_FAIL_ON_ERROR, NULL))
        return NULL;
    VipsImage *memory = vips_image_copy_memory(decoded);
    g_object_unref(decoded);
    return memory;
}

// The scaled copies made so far, in memory, narrowest last: each variant is made from the
// narrowest copy that still covers it (resizing 1600 px to 1200 costs less than 2000 to 1200,
// and 1200 to 800 less again).
typedef struct {
    VipsImage *images[32];
    int count;
} scaled_copies;

static VipsImage *narrowest_covering(scaled_copies *copies, int needed) {
    VipsImage *best = copies->images[0];
    for (int i = 1; i < copies->count; i++)
        if (vips_image_get_width(copies->images[i]) >= needed) best = copies->images[i];
    return best;
}

static int make_variant(scaled_copies *copies, portal_vips_request *request, int needed) {
    VipsImage *from = narrowest_covering(copies, needed);
    VipsImage *variant = NULL;
    int failed;
    if (request->height > 0) {
        failed = vips_thumbnail_image(from, &variant, request->width, "height", request->height, "crop",
                                      VIPS_INTERESTING_ATTENTION, "size", VIPS_SIZE_DOWN, NULL);
    } else if (vips_image_get_width(from) == request->width) {
        variant = from;
        g_object_ref(variant);
        failed = 0;
    } else {
        VipsImage *lazy = NULL;
        failed = vips_thumbnail_image(from, &lazy, request->width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                      NULL);
        if (!failed) {
            variant = vips_image_copy_memory(lazy);
            g_object_unref(lazy);
            failed = variant == NULL;
        }
        if (!failed && copies->count < 32) {
            copies->images[copies->count++] = variant;
            g_object_ref(variant);
        }
    }
    if (failed) return -1;
    failed = save(variant, request->format, request->quality, &request->bytes, &request->length);
    g_object_unref(variant);
    return failed;
}

int portal_vips_variants(const char *path, portal_vips_request *requests, int count) {
    int width = 0, height = 0, orientation = 1;
    char loader[64] = "";
    if (portal_vips_probe(path, &width, &height, &orientation, loader, sizeof loader)) return -1;
    int largest = 1;
    int needed[count > 0 ? count : 1];
    for (int i = 0; i < count; i++) {
        needed[i] = needed_width(&requests[i], width, height);
        if (needed[i] > largest) largest = needed[i];
        requests[i].bytes = NULL;
        requests[i].length = 0;
    }
    VipsImage *decoded = strcmp(loader, "jpegload") == 0 ? decode_jpeg(path, largest, width, orientation)
                                                         : decode_other(path, largest);
    if (!decoded) return -1;
    scaled_copies copies = {{decoded}, 1};
    int failed = 0;
    // Widest first, so each is made from the copy just above it.
    int done[count > 0 ? count : 1];
    memset(done, 0, sizeof done);
    for (int made = 0; made < count && !failed; made++) {
        int next = -1;
        for (int i = 0; i < count; i++)
            if (!done[i] && (next < 0 || needed[i] > needed[next])) next = i;
        done[next] = 1;
        failed = make_variant(&copies, &requests[next], needed[next]);
    }
    for (int i = 0; i < copies.count; i++) g_object_unref(copies.images[i]);
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

int portal_vips_test_photo(int width, int height, int orientation, int gps, const char *format, int quality,
                           void **bytes, size_t *length) {
    VipsImage *x = NULL, *y = NULL, *noise = NULL, *r = NULL, *g = NULL, *b = NULL, *rgb = NULL, *photo = NULL;
    int failed = vips_xyz(&x, width, height, NULL) || vips_extract_band(x, &y, 1, NULL) ||
                 vips_gaussnoise(&noise, width, height, "sigma", 12.0, "mean", 0.0, NULL);
    if (!failed) {
        VipsImage *xs = NULL;
        failed = vips_extract_band(x, &xs, 0, NULL) ||
                 vips_linear1(xs, &r, 200.0 / width, 30, NULL) ||
                 vips_linear1(y, &g, 160.0 / height, 60, NULL);
        if (xs) g_object_unref(xs);
    }
    if (!failed) {
        VipsImage *sum = NULL, *bands[3];
        failed = vips_add(r, g, &sum, NULL) || vips_linear1(sum, &b, 0.5, 20, NULL);
        if (sum) g_object_unref(sum);
        if (!failed) {
            bands[0] = r, bands[1] = g, bands[2] = b;
            VipsImage *joined = NULL;
            failed = vips_bandjoin(bands, &joined, 3, NULL) || vips_add(joined, noise, &rgb, NULL);
            if (joined) g_object_unref(joined);
        }
    }
    if (!failed) failed = vips_cast_uchar(rgb, &photo, NULL);
    VipsImage *parts[] = {x, y, noise, r, g, b, rgb};
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
        if (parts[i]) g_object_unref(parts[i]);
    if (failed) return -1;
    vips_image_set_int(photo, VIPS_META_ORIENTATION, orientation);
    vips_image_set_string(photo, "exif-ifd0-Make", "PhoneCo");
    vips_image_set_string(photo, "exif-ifd0-Model", "Camera 12");
    vips_image_set_string(photo, "exif-ifd2-BodySerialNumber", "SN-0042-TEST");
    if (gps) {
        vips_image_set_string(photo, "exif-ifd3-GPSLatitudeRef", "N");
        vips_image_set_string(photo, "exif-ifd3-GPSLatitude", "22/1 39/1 56/1");
        vips_image_set_string(photo, "exif-ifd3-GPSLongitudeRef", "E");
        vips_image_set_string(photo, "exif-ifd3-GPSLongitude", "106/1 15/1 27/1");
    }
    if (strcmp(format, "png") == 0)
        failed = vips_pngsave_buffer(photo, bytes, length, NULL);
    else if (strcmp(format, "webp") == 0)
        failed = vips_webpsave_buffer(photo, bytes, length, "Q", quality, NULL);
    else if (strcmp(format, "gif") == 0)
        failed = vips_gifsave_buffer(photo, bytes, length, NULL);
    else
        failed = vips_jpegsave_buffer(photo, bytes, length, "Q", quality, NULL);
    g_object_unref(photo);
    return failed ? -1 : 0;
}
