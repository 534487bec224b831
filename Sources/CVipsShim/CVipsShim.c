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

static int save(VipsImage *image, const char *format, int quality, void **bytes, size_t *length) {
    if (strcmp(format, "webp") == 0)
        return vips_webpsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, NULL);
    if (strcmp(format, "png") == 0)
        return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, NULL);
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

int portal_vips_variant(const char *path, int width, int height, const char *format, int quality,
                        void **bytes, size_t *length) {
    VipsImage *image = NULL;
    int failed;
    if (height > 0) {
        failed = vips_thumbnail(path, &image, width, "height", height, "crop", VIPS_INTERESTING_ATTENTION,
                                "size", VIPS_SIZE_DOWN, "export_profile", "srgb", NULL);
    } else {
        failed = vips_thumbnail(path, &image, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                                "export_profile", "srgb", NULL);
    }
    if (failed) return -1;
    failed = save(image, format, quality, bytes, length);
    g_object_unref(image);
    return failed ? -1 : 0;
}

void portal_vips_free(void *bytes) { g_free(bytes); }

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
