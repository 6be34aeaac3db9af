/*
 * GSSAPI stand-ins for the portable build (scripts/dist/static-libs).
 *
 * Debian's libgit2.a calls GSSAPI for HTTP "Negotiate" (Kerberos/SPNEGO) authentication, and Debian ships
 * no static libgssapi_krb5. notes never talks to a remote (no fetch, push or clone), so that code is never
 * reached; these functions make the static link possible and fail cleanly if it ever were: every context
 * call returns GSS_S_FAILURE, every release call succeeds on nothing. Signatures follow RFC 2744.
 */
#include <stddef.h>
#include <stdint.h>

typedef uint32_t OM_uint32;
typedef struct { size_t length; void *value; } notes_gss_buffer_desc;
typedef notes_gss_buffer_desc *gss_buffer_t;
typedef void *gss_OID;
typedef void *gss_OID_set;
typedef void *gss_name_t;
typedef void *gss_ctx_id_t;
typedef void *gss_cred_id_t;
typedef void *gss_channel_bindings_t;

#define NOTES_GSS_S_COMPLETE 0u
#define NOTES_GSS_S_FAILURE (13u << 16)

gss_OID GSS_C_NT_HOSTBASED_SERVICE = NULL;

static void notes_gss_empty(gss_buffer_t buffer) {
    if (buffer) { buffer->length = 0; buffer->value = NULL; }
}

OM_uint32 gss_indicate_mechs(OM_uint32 *minor, gss_OID_set *mech_set) {
    if (minor) *minor = 0;
    if (mech_set) *mech_set = NULL;
    return NOTES_GSS_S_FAILURE;
}

OM_uint32 gss_import_name(OM_uint32 *minor, gss_buffer_t input, gss_OID type, gss_name_t *output) {
    (void)input; (void)type;
    if (minor) *minor = 0;
    if (output) *output = NULL;
    return NOTES_GSS_S_FAILURE;
}

OM_uint32 gss_init_sec_context(OM_uint32 *minor, gss_cred_id_t cred, gss_ctx_id_t *context, gss_name_t target,
                               gss_OID mech, OM_uint32 flags, OM_uint32 time, gss_channel_bindings_t bindings,
                               gss_buffer_t input, gss_OID *actual_mech, gss_buffer_t output,
                               OM_uint32 *ret_flags, OM_uint32 *time_rec) {
    (void)cred; (void)context; (void)target; (void)mech; (void)flags; (void)time; (void)bindings; (void)input;
    if (minor) *minor = 0;
    if (actual_mech) *actual_mech = NULL;
    notes_gss_empty(output);
    if (ret_flags) *ret_flags = 0;
    if (time_rec) *time_rec = 0;
    return NOTES_GSS_S_FAILURE;
}

OM_uint32 gss_display_status(OM_uint32 *minor, OM_uint32 status, int type, gss_OID mech,
                             OM_uint32 *message_context, gss_buffer_t string) {
    (void)status; (void)type; (void)mech;
    if (minor) *minor = 0;
    if (message_context) *message_context = 0;
    notes_gss_empty(string);
    return NOTES_GSS_S_FAILURE;
}

OM_uint32 gss_delete_sec_context(OM_uint32 *minor, gss_ctx_id_t *context, gss_buffer_t output) {
    if (minor) *minor = 0;
    if (context) *context = NULL;
    notes_gss_empty(output);
    return NOTES_GSS_S_COMPLETE;
}

OM_uint32 gss_release_buffer(OM_uint32 *minor, gss_buffer_t buffer) {
    if (minor) *minor = 0;
    notes_gss_empty(buffer);
    return NOTES_GSS_S_COMPLETE;
}

OM_uint32 gss_release_name(OM_uint32 *minor, gss_name_t *name) {
    if (minor) *minor = 0;
    if (name) *name = NULL;
    return NOTES_GSS_S_COMPLETE;
}

OM_uint32 gss_release_oid_set(OM_uint32 *minor, gss_OID_set *set) {
    if (minor) *minor = 0;
    if (set) *set = NULL;
    return NOTES_GSS_S_COMPLETE;
}
