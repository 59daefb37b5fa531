// How email addresses compare everywhere (sign-in, the viewer of a CLI command, invitations, the
// sign-in throttle's key): case and surrounding spaces do not count.
export const normalizedEmail = (email: string): string => email.trim().toLowerCase();
