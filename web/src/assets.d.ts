// Stylesheets are imported for their side effect; the bundler (scripts/build-web.mjs) handles them.
declare module '*.css';
