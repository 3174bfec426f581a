// The visit log editor's safety copy: every keystroke in the form is also written to this device's localStorage,
// by the browser alone, so text typed while the connection to the server is gone (a locked phone, a lift, a tunnel)
// survives a reload. The page reads the copy back when it opens and offers to restore it.
//
// Fields are the form's elements with a data-draft="<key>" attribute; a checkbox is stored as "true"/"false".
// Stored under "visit-log-draft:<log id>" as { savedAt: <ms since 1970>, fields: { key: value } }.

const prefix = "visit-log-draft:";
const watchers = new Map();

function keyOf(logId) {
    return prefix + logId;
}

function collect(form) {
    const fields = {};
    for (const element of form.querySelectorAll("[data-draft]")) {
        fields[element.dataset.draft] = element.type === "checkbox" ? String(element.checked) : element.value;
    }
    return fields;
}

/** Starts copying the form (found by id when an event comes, so Blazor may re-render it freely) for the log. */
export function watch(logId, formId) {
    stop(logId);
    const listener = event => {
        const form = document.getElementById(formId);
        if (!form || !form.contains(event.target)) {
            return;
        }
        try {
            localStorage.setItem(keyOf(logId), JSON.stringify({ savedAt: Date.now(), fields: collect(form) }));
        } catch {
            // Storage full or disabled (private mode): the server's autosave is still there.
        }
    };
    // Listening on the document, not the form, keeps working when Blazor replaces the form element.
    document.addEventListener("input", listener, true);
    document.addEventListener("change", listener, true);
    watchers.set(logId, listener);
}

/** Stops copying (the page was left); the stored copy stays. */
export function stop(logId) {
    const listener = watchers.get(logId);
    if (listener) {
        document.removeEventListener("input", listener, true);
        document.removeEventListener("change", listener, true);
        watchers.delete(logId);
    }
}

/** The stored copy, or null. */
export function read(logId) {
    try {
        const text = localStorage.getItem(keyOf(logId));
        const copy = text ? JSON.parse(text) : null;
        return copy && typeof copy.savedAt === "number" && copy.fields ? copy : null;
    } catch {
        return null;
    }
}

/** Forgets the stored copy. */
export function clear(logId) {
    try {
        localStorage.removeItem(keyOf(logId));
    } catch {
        // Nothing stored, nothing to do.
    }
}

/**
 * Forgets the stored copy if the server now holds every value in it (savedFields is what was just saved); text typed
 * while the save was on its way differs, and so is kept.
 */
export function clearIfSaved(logId, savedFields) {
    const copy = read(logId);
    if (copy && Object.entries(copy.fields).every(([key, value]) => savedFields[key] === value)) {
        clear(logId);
    }
}
