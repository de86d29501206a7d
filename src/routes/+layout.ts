// A static, client-only app: the data is in the user's browser, so there is nothing to render on a server.
export const prerender = true;
export const ssr = false;
