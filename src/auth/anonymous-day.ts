// The UTC day of a time, for what is shown without its author: an exact time shared with rows the
// author is named on (or a place beside them in a list by date) would name the author. Such times
// are stored so, which keeps sorting and cursors by date from telling more than the dates shown.
export const anonymousDay = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
