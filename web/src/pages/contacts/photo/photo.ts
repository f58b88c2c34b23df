// The rules of a contact's photo the screens share: what may be uploaded (contacts-service checks it again, by
// the picture itself), where each size of a photo is fetched, and the initials shown when there is none.

/** What the server takes: JPEG, PNG or GIF, at most 5 MB (crm.contacts.photos.max-file-size). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif'] as const;
export const PHOTO_MAX_MB = 5;
const EXTENSIONS = /\.(jpe?g|png|gif)$/i;

/** Why a file cannot be a photo, before it is sent; undefined when it may. */
export function photoProblem(file: { name: string; type: string; size: number }): 'type' | 'size' | undefined {
  // a browser that does not know the type sends it empty: the name decides, and the server reads the content
  const known = file.type === '' ? EXTENSIONS.test(file.name) : (PHOTO_TYPES as readonly string[]).includes(file.type);
  if (!known) {
    return 'type';
  }
  return file.size > PHOTO_MAX_MB * 1024 * 1024 ? 'size' : undefined;
}

/**
 * Where a photo is fetched. Its version is in the address, so a browser keeps each version as long as it likes
 * (the server says so for such an address) and a new photo is a new address.
 */
export function photoPath(contactId: string, version: string, thumb = false): string {
  return `/api/contacts/${contactId}/photo?${thumb ? 'size=thumb&' : ''}v=${encodeURIComponent(version)}`;
}

/** Up to two letters of a display name ("Shevchenko Taras" -> "ST"), for a card without a photo. */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  return words.slice(0, 2).map((word) => [...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '').join('').toUpperCase();
}

const COLORS = ['#f56a00', '#7265e6', '#00a2ae', '#87d068', '#1677ff', '#eb2f96', '#fa8c16', '#13c2c2'];

/** The same colour for the same contact's initials everywhere. */
export function avatarColor(contactId: string): string {
  let hash = 0;
  for (const char of contactId) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return COLORS[Math.abs(hash) % COLORS.length];
}
