import { error, fail } from '@sveltejs/kit';
import { m } from '@seoro/i18n';
import type { Locale } from '@seoro/domain';
import { readApiFailure } from '$lib/server/api-error';
import { formRefusal, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

/** The largest upload taken, as the service's limit: 2 MB. */
const MAX_BYTES = 2 * 1024 * 1024;

/** The past imports and the years they cover. */
export const load: PageServerLoad = async ({ locals }) => {
  try {
    return { overview: await locals.api.staff.history.list.query() };
  } catch (cause) {
    console.error('[web] staff.history.list failed', readApiFailure(cause) ?? cause);
    error(503, {
      message: m.admin_history_unavailable({}, { locale: locals.locale }),
      kind: 'unavailable',
    });
  }
};

/** A refused or failed API call as the form's answer; unexpected failures are logged. */
function refused(cause: unknown, action: string, locale: Locale) {
  const refusal = formRefusal(cause, {
    fileBase64: () => m.err_history_file_unreadable({}, { locale }),
    fileName: () => m.err_history_file_unreadable({}, { locale }),
    sha256: () => m.err_history_file_changed({}, { locale }),
  });
  if (!refusal) {
    console.error(`[web] staff.history.${action} failed`, readApiFailure(cause) ?? cause);
    return fail(500, { failed: m.web_my_error_unexpected({}, { locale }) });
  }
  return fail(refusal.status, { failed: refusal.message });
}

export const actions: Actions = {
  /**
   * Reads the uploaded file and shows what importing it would do. The file's bytes go back to the
   * page (base64, with their sha256) so the import step sends exactly what was previewed.
   */
  preview: async ({ request, locals }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return fail(400, { failed: m.web_form_unreadable({}, { locale }) });
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return fail(400, { failed: m.admin_history_no_file({}, { locale }) });
    }
    if (file.size > MAX_BYTES) {
      return fail(413, { failed: m.err_history_file_too_large({ max: '2' }, { locale }) });
    }
    const fileBase64 = Buffer.from(await file.arrayBuffer()).toString('base64');
    const fileName = (file.name || 'history').slice(0, 200);
    try {
      const preview = await locals.api.staff.history.preview.mutate({ fileName, fileBase64 });
      return { preview, fileBase64 };
    } catch (cause) {
      return refused(cause, 'preview', locale);
    }
  },

  /** Imports the previewed file; the server re-reads and re-checks its bytes. */
  import: async ({ request, locals }) => {
    const locale = locals.locale;
    const form = await readForm(request);
    if (!form) return fail(400, { failed: m.web_form_unreadable({}, { locale }) });
    const text = (name: string) => String(form.get(name) ?? '');
    const fileName = text('fileName').slice(0, 200);
    try {
      const result = await locals.api.staff.history.import.mutate({
        fileName,
        fileBase64: text('fileBase64'),
        sha256: text('sha256').trim(),
      });
      const params = {
        file: result.fileName,
        added: String(result.added),
        unchanged: String(result.unchanged),
      };
      return {
        done:
          result.added === 0
            ? m.admin_history_imported_none(params, { locale })
            : result.unchanged === 0
              ? m.admin_history_imported_all(params, { locale })
              : m.admin_history_imported(params, { locale }),
      };
    } catch (cause) {
      return refused(cause, 'import', locale);
    }
  },
};
