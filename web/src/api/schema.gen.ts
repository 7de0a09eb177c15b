// Generated from the server's OpenAPI document by scripts/gen-api-types.ts (openapi-typescript): do not edit.
// After changing a route or an operation's schemas, run: npm run gen:api-types

export interface paths {
    "/api/v1/account/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set your language (en, ru): reminder e-mails and calendar entries are written in it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language: "en" | "ru";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            language: "en" | "ru";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password (and the organisation’s slug when the e-mail is in several); sets the session cookie and says what comes next (second factor, new password) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        organisation?: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the session ends and its cookie is removed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            signedOut: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/login/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options to sign in with one of this account’s passkeys (the challenge is kept 5 minutes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description for navigator.credentials (@simplewebauthn/browser) */
                            options: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/login/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a passkey assertion as the second factor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the credential as @simplewebauthn/browser returns it */
                        response: {
                            id: string;
                            rawId: string;
                            response: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/register/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options to create a passkey for this account (the challenge is kept 5 minutes) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description for navigator.credentials (@simplewebauthn/browser) */
                            options: {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/register/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Store the new passkey (verified against the challenge, the site and its origin); it counts as the second factor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the credential as @simplewebauthn/browser returns it */
                        response: {
                            id: string;
                            rawId: string;
                            response: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            type: "public-key";
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password (12–256 characters); ends every session of the account and gives this one a new session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        current: string;
                        next: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/recovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a single-use recovery code instead of the TOTP code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one of the recovery codes shown at TOTP enrolment */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account, its organisation, the sign-in’s next step and the CSRF token (401 without a session) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give the TOTP code as the second factor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the code the authenticator app shows */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm TOTP enrolment with a first code: the second factor is given, and ten single-use recovery codes are shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the code the authenticator app shows */
                        code: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description send it as the x-csrf-token header of every request that changes something */
                            csrfToken: string;
                            /**
                             * @description the sign-in’s next step; done: signed in
                             * @enum {string}
                             */
                            next: "change_password" | "enrol_totp" | "totp" | "passkey" | "done";
                            /** @description shown once; each works once instead of a TOTP code */
                            recoveryCodes: string[];
                            user: {
                                email: string;
                                id: string;
                                org: {
                                    id: string;
                                    name: string;
                                    slug: string;
                                };
                                role: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment: a new secret (text, otpauth URI and QR code as SVG), confirmed by the first code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            qrSvg: string;
                            secret: string;
                            uri: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/captures/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture: URL, retrieval time, HTTP status, sha256, kind */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the capture id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content_type: string | null;
                            court_vnkod: string | null;
                            http_status: number | null;
                            id: number;
                            ingested_at: string;
                            layout: string | null;
                            page_kind: string;
                            retrieved_at: string | null;
                            sha256: string;
                            source: string;
                            synthetic: boolean;
                            url: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/captures/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The page exactly as captured (bytes; sandboxed, never run)
         * @description Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the capture id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The page exactly as captured (bytes; sandboxed, never run) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/captures/{id}/redacted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture's redacted rendering (not the evidence): the parsed page with persons' names reduced to initials, the sha256 of the original bytes, URL and retrieval time; JSON, or an HTML page with format=html */
        get: {
            parameters: {
                query?: {
                    /** @description html: a page for people */
                    format?: "json" | "html";
                };
                header?: never;
                path: {
                    /** @description the capture id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description A capture's redacted rendering (not the evidence): the parsed page with persons' names reduced to initials, the sha256 of the original bytes, URL and retrieval time; JSON, or an HTML page with format=html */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            capture: {
                                content_type: string | null;
                                http_status: number | null;
                                id: number;
                                retrieved_at: string | null;
                                sha256: string;
                                synthetic: boolean;
                                url: string | null;
                            };
                            /** @description A redacted rendering of an archived capture, not the evidence: the page as otkaz parsed it, with persons' names reduced to initials. The evidence is the capture's original bytes, identified by their sha256; they are served to holders of a read or operator token (raw capture, WARC). */
                            notice: string;
                            /** @description the parsed page as the redactor passed it */
                            page: unknown;
                            /** @enum {boolean} */
                            redacted: true;
                        };
                        "text/html": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/captures/{id}/stamps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A capture's trusted time stamps (RFC 3161): token, stamped Merkle root and the capture's proof, to verify offline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the capture id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captureId: number;
                            sha256: string;
                            stamps: {
                                genTime: string;
                                leafIndex: number;
                                leaves: number;
                                policy: string;
                                /** @description the audit path (RFC 6962): sibling hashes from the leaf up */
                                proof: string[];
                                /** @description the TimeStampResp as received (a .tsr file), base64 */
                                response: string;
                                /** @description the Merkle root the token covers: its SHA-256 message imprint (openssl ts -verify -digest) */
                                root: string;
                                serial: string;
                                timestampId: number;
                                tsaUrl: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cases, filtered by court, article, part, period, outcome, full text; sorted; paginated
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description only cases with a charge under this article */
                    article?: string;
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description only this court (vnkod) */
                    court?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description first date of receipt */
                    from?: string;
                    /** @description only this outcome */
                    outcome?: "conviction" | "acquittal" | "termination" | "returned_to_prosecutor" | "transferred" | "medical_measures" | "upheld" | "modified" | "overturned" | "appeal_withdrawn" | "unknown";
                    page?: number;
                    pageSize?: number;
                    /** @description only cases with a charge under this part */
                    part?: string;
                    /** @description full text (Russian stemming) over case information and act texts */
                    q?: string;
                    /** @description cases the deletion watch found gone from the court site: include, exclude or only */
                    removed?: "include" | "exclude" | "only";
                    sort?: "receipt_date" | "-receipt_date" | "decision_date" | "-decision_date" | "id" | "-id" | "court" | "-court";
                    /** @description SYNTHETIC demo cases: include, exclude or only */
                    synthetic?: "include" | "exclude" | "only";
                    /** @description last date of receipt */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            page: number;
                            pageSize: number;
                            rows: {
                                articles: string | null;
                                case_number: string | null;
                                court_name: string | null;
                                court_vnkod: string;
                                decision_date: string | null;
                                /** @description initials only; "hidden" where the court hid the person */
                                defendants: string | null;
                                id: number;
                                outcome: string | null;
                                receipt_date: string | null;
                                /** @description when the deletion watch found the card gone from the court site (null: still there, as far as known) */
                                removed_at: string | null;
                                synthetic: boolean;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case: persons (initials), articles, events, history, linked instances, penalty ranges, captures, removal from the court site; access.evidence: whether this caller may fetch the raw captures and the WARC */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access: {
                                /** @description whether this caller may fetch the raw captures and the WARC */
                                evidence: boolean;
                            };
                            articles: {
                                article: string;
                                code: string;
                                defendant_position: number;
                                part: string | null;
                                point: string | null;
                                position: number;
                            }[];
                            captures: {
                                content_type: string | null;
                                http_status: number | null;
                                id: number;
                                ingested_at: string;
                                layout: string | null;
                                page_kind: string;
                                retrieved_at: string | null;
                                sha256: string;
                                source: string;
                                synthetic: boolean;
                                url: string | null;
                            }[];
                            case: {
                                case_key: string;
                                case_number: string | null;
                                category: string | null;
                                court_name: string | null;
                                court_vnkod: string;
                                decision_date: string | null;
                                first_seen_at: string;
                                id: number;
                                judge: string | null;
                                judicial_uid: string | null;
                                legal_force_date: string | null;
                                outcome: string | null;
                                proceeding: string | null;
                                receipt_date: string | null;
                                result_text: string | null;
                                synthetic: boolean;
                                updated_at: string;
                            };
                            events: {
                                basis: string | null;
                                event_date: string | null;
                                event_time: string | null;
                                name: string | null;
                                note: string | null;
                                place: string | null;
                                position: number;
                                published_date: string | null;
                                result: string | null;
                            }[];
                            history: {
                                capture_id: number;
                                changes: unknown;
                                /** @enum {string} */
                                kind: "created" | "updated";
                                recorded_at: string;
                                retrieved_at: string | null;
                                sha256: string;
                                synthetic: boolean;
                                url: string | null;
                            }[];
                            linkedInstances: {
                                case_number: string | null;
                                court_vnkod: string;
                                id: number;
                                outcome: string | null;
                                proceeding: string | null;
                                receipt_date: string | null;
                            }[];
                            penalties: {
                                article: string;
                                offence: {
                                    applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                                    article: string;
                                    conditions: ("peacetime" | "mobilisation" | "martial_law" | "wartime" | "armed_conflict")[];
                                    exemptions: string[];
                                    facts: string[];
                                    history: string[];
                                    id: string;
                                    introduced?: {
                                        date: string;
                                        law: string;
                                    };
                                    part: string | null;
                                    penalty: {
                                        max_years: number | null;
                                        min_years: number | null;
                                        summary: {
                                            en: string;
                                            ru: string;
                                        };
                                    };
                                    title: {
                                        en: string;
                                        ru: string;
                                    };
                                } | null;
                                part: string | null;
                            }[];
                            persons: {
                                decision_date: string | null;
                                hidden: boolean;
                                initials: string | null;
                                outcome: string | null;
                                position: number;
                                result_text: string | null;
                                sentence: unknown;
                                sentence_kind: string | null;
                            }[];
                            /** @description the deletion watch found the card gone from the court site: when, how, and its last capture (null: still there, as far as known) */
                            removal: {
                                /** @description when the court site gave the answer */
                                at: string;
                                /** @description the answer: the not-found page or 404, the card served again, the changed card */
                                capture: {
                                    id: number;
                                    retrieved_at: string | null;
                                    sha256: string;
                                };
                                case_id: number;
                                case_number: string | null;
                                court_name: string | null;
                                court_vnkod: string;
                                /** @description removed/restored: what showed it (HTTP 404, the site's "no data" page, gone from its list, served again) */
                                evidence: ("http_404" | "not_found_page" | "absent_from_list" | "card_served" | "listed") | null;
                                /** @description changed: the names of the fields that changed (the values are in the case history) */
                                fields: string[];
                                /** @description stable: w<n> for a removal or restoration, h<n> for a change */
                                key: string;
                                /** @enum {string} */
                                kind: "removed" | "restored" | "changed";
                                /** @description removed: the last capture that still showed the card */
                                last_capture: {
                                    id: number;
                                    retrieved_at: string | null;
                                    sha256: string;
                                } | null;
                                /** @description the event in one sentence (English) */
                                summary: string;
                                /** @description the event in one sentence (Russian) */
                                summary_ru: string;
                                synthetic: boolean;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's charges: article, part, point per defendant, with the penalty ranges of the guidance knowledge base */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            articles: {
                                article: string;
                                code: string;
                                defendant_position: number;
                                part: string | null;
                                point: string | null;
                                position: number;
                            }[];
                            penalties: {
                                article: string;
                                offence: {
                                    applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                                    article: string;
                                    conditions: ("peacetime" | "mobilisation" | "martial_law" | "wartime" | "armed_conflict")[];
                                    exemptions: string[];
                                    facts: string[];
                                    history: string[];
                                    id: string;
                                    introduced?: {
                                        date: string;
                                        law: string;
                                    };
                                    part: string | null;
                                    penalty: {
                                        max_years: number | null;
                                        min_years: number | null;
                                        summary: {
                                            en: string;
                                            ru: string;
                                        };
                                    };
                                    title: {
                                        en: string;
                                        ru: string;
                                    };
                                } | null;
                                part: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The archived captures a case was read from: URL, retrieval time, HTTP status, sha256 (redacted rendering at /api/v1/captures/:id/redacted; raw page, with a token, at /api/v1/captures/:id/raw) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content_type: string | null;
                            http_status: number | null;
                            id: number;
                            ingested_at: string;
                            layout: string | null;
                            page_kind: string;
                            retrieved_at: string | null;
                            sha256: string;
                            source: string;
                            synthetic: boolean;
                            url: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's movement: hearings and other events in the court's order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            basis: string | null;
                            event_date: string | null;
                            event_time: string | null;
                            name: string | null;
                            note: string | null;
                            place: string | null;
                            position: number;
                            published_date: string | null;
                            result: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/evidence-packet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case's evidence packet (zip): captures as captured and as PDF, WARC/WACZ, time stamps, manifest, verification sheet
         * @description Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true. A zip: each capture as captured and as a PDF, the WARC and WACZ, time stamps, MANIFEST.sha256, a verification sheet (en, ru, de, fr). Every download is recorded in the chain of custody.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description The case's evidence packet (zip): captures as captured and as PDF, WARC/WACZ, time stamps, manifest, verification sheet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case's defendants by initials only (hidden where the court hid them), with outcome and sentence */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decision_date: string | null;
                            hidden: boolean;
                            initials: string | null;
                            outcome: string | null;
                            position: number;
                            result_text: string | null;
                            sentence: unknown;
                            sentence_kind: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/warc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * WARC 1.1 of the case's captures (request, response, metadata records)
         * @description Evidence: holds full names. Needs the read or operator token unless the deployment sets OTKAZ_PUBLIC_EVIDENCE=true.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the case id */
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description WARC 1.1 of the case's captures (request, response, metadata records) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/warc": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every case of a filter (court, article, part, period, outcome, full text) as one CSV file, in the sort asked
         * @description All the cases of the filter (no pages), streamed; the same columns as GET /api/v1/cases?format=csv; X-Total-Count: how many rows
         */
        get: {
            parameters: {
                query?: {
                    /** @description only cases with a charge under this article */
                    article?: string;
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description only this court (vnkod) */
                    court?: string;
                    /** @description first date of receipt */
                    from?: string;
                    /** @description only this outcome */
                    outcome?: "conviction" | "acquittal" | "termination" | "returned_to_prosecutor" | "transferred" | "medical_measures" | "upheld" | "modified" | "overturned" | "appeal_withdrawn" | "unknown";
                    /** @description only cases with a charge under this part */
                    part?: string;
                    /** @description full text (Russian stemming) over case information and act texts */
                    q?: string;
                    /** @description cases the deletion watch found gone from the court site: include, exclude or only */
                    removed?: "include" | "exclude" | "only";
                    sort?: "receipt_date" | "-receipt_date" | "decision_date" | "-decision_date" | "id" | "-id" | "court" | "-court";
                    /** @description SYNTHETIC demo cases: include, exclude or only */
                    synthetic?: "include" | "exclude" | "only";
                    /** @description last date of receipt */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Every case of a filter (court, article, part, period, outcome, full text) as one CSV file, in the sort asked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/claims/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check structured claims (as in the claims YAML, sent as JSON) against every source
         * @description At most 10 claims per request
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        claims: {
                            id: string;
                            note?: string;
                            published?: {
                                by: string;
                                date?: string;
                                note?: string;
                                url?: string;
                            };
                            quantity: {
                                /** Format: date */
                                as_of?: string;
                                /** @enum {string} */
                                basis?: "year" | "fiscal_year" | "quarter" | "month";
                                destination: string;
                                detail?: string[];
                                indicator: string;
                                levels?: string[];
                                measure?: string;
                                origin?: string;
                                period: string | number;
                            };
                            stated: {
                                change_pct?: number;
                                from_period?: string | number;
                                tolerance_pct?: number;
                                value?: number;
                                wording: string;
                            };
                            statement: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            figures: {
                                /** @enum {string} */
                                basis: "year" | "fiscal_year" | "quarter" | "month" | "rate";
                                caveats: string[];
                                /** @description change claims: the change in % */
                                changePct?: number | null;
                                complete: boolean;
                                definition: string;
                                destination: string;
                                flags: string;
                                /** @description change claims: the earlier value */
                                fromValue?: number | null;
                                holds: boolean | null;
                                label: string;
                                levels: string;
                                meant: boolean;
                                measure: string;
                                months: number | null;
                                period: string;
                                query?: {
                                    destination: string;
                                    id: number;
                                    params: unknown[];
                                    /** @enum {string} */
                                    source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                    sql: string;
                                };
                                releases: {
                                    dataset: string;
                                    file: string;
                                    id: number;
                                    release: string;
                                    sha256: string;
                                    /** @enum {string} */
                                    source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                    synthetic: boolean;
                                    vintage: string;
                                }[];
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                unit: string;
                                value: number | null;
                                variant?: string;
                            }[];
                            id: string;
                            published?: {
                                by: string;
                                date?: string;
                                note?: string;
                                url?: string;
                            };
                            reason: string;
                            statement: string;
                            /** @enum {string} */
                            verdict: "holds" | "holds_under_other_definition" | "does_not_hold" | "no_data";
                        }[];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The client files of your organisation (volunteers: those shared with you), newest change first */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    limit?: number;
                    offset?: number;
                    status?: "open" | "closed" | "referred";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                createdAt: string;
                                id: string;
                                linkedCases: number;
                                militaryStatus: string | null;
                                /** @description null for roles that may not see the person */
                                name: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "open" | "closed" | "referred";
                                synthetic: boolean;
                                updatedAt: string;
                            }[];
                            total: number;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Open a client file (person, military status, service, identity documents, wanted-list status, consent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "shareWithinOrganisation": false,
                         *       "referralTo": []
                         *     }
                         */
                        consent?: {
                            /** Format: date */
                            recordedOn?: string;
                            /** @default [] */
                            referralTo?: string[];
                            /** @default false */
                            shareWithinOrganisation?: boolean;
                            /**
                             * Format: date
                             * @description the consent ends at the end of this day
                             */
                            until?: string;
                        };
                        /** @default [] */
                        documents?: {
                            note?: string;
                            /** @description searchable by exact value only */
                            number?: string;
                            /** @enum {string} */
                            state: "held" | "confiscated" | "lost" | "expired" | "with_authorities";
                            /** @enum {string} */
                            type: "internal_passport" | "international_passport" | "military_id" | "birth_certificate" | "other";
                        }[];
                        military?: {
                            rank?: string;
                            /** @default [] */
                            service?: {
                                /** @description deployed to a combat zone in this period */
                                deployed?: boolean;
                                /** Format: date */
                                from?: string;
                                place?: string;
                                role?: string;
                                /** Format: date */
                                to?: string;
                                unit?: string;
                                /** @description the military unit number (в/ч) */
                                unitNumber?: string;
                            }[];
                            /** @enum {string} */
                            status: "conscript" | "contract" | "mobilised" | "reservist" | "volunteer" | "none" | "unknown";
                        };
                        person: {
                            /** Format: date */
                            birthDate?: string;
                            contact?: {
                                /** @description a safe way to reach the client (e.g. "Signal, via the caseworker") */
                                method: string;
                                /** @description when it is safe to contact */
                                times?: string;
                            };
                            /** @default [] */
                            languages?: string[];
                            /** @description the names and their spellings, Cyrillic and Latin */
                            names: {
                                family: string;
                                given?: string;
                                patronymic?: string;
                                /** @enum {string} */
                                script: "cyrillic" | "latin";
                            }[];
                        };
                        /** @description free text: the story in brief */
                        summary?: string;
                        wanted?: {
                            /** Format: date */
                            checkedOn?: string;
                            /** @description where the status was seen (a URL, a document) */
                            evidence?: string;
                            /** @enum {string} */
                            status: "unknown" | "not_listed" | "federal" | "interstate" | "interpol";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One client file with its linked court records (the card now, its capture and sha256, changes since), notes and documents */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access: {
                                /** @description the caller may delete documents of the file (the workers; not a shared volunteer) */
                                deleteDocuments: boolean;
                                edit: boolean;
                                groups: ("person" | "military" | "documents" | "criminalCases" | "wanted" | "consent" | "summary" | "notes" | "files")[];
                                share: boolean;
                            };
                            cases?: {
                                captureArchived: boolean;
                                changesSinceLink: {
                                    capture_id: number;
                                    changes: unknown;
                                    /** @enum {string} */
                                    kind: "created" | "updated";
                                    recorded_at: string;
                                    retrieved_at: string | null;
                                    sha256: string;
                                    synthetic: boolean;
                                    url: string | null;
                                }[];
                                current: {
                                    case_key: string;
                                    case_number: string | null;
                                    category: string | null;
                                    court_name: string | null;
                                    court_vnkod: string;
                                    decision_date: string | null;
                                    first_seen_at: string;
                                    id: number;
                                    initials: string[];
                                    judge: string | null;
                                    judicial_uid: string | null;
                                    legal_force_date: string | null;
                                    outcome: string | null;
                                    proceeding: string | null;
                                    receipt_date: string | null;
                                    result_text: string | null;
                                    synthetic: boolean;
                                    updated_at: string;
                                } | null;
                                link: {
                                    captureId: number | null;
                                    captureSha256: string | null;
                                    caseId: number;
                                    caseNumber: string | null;
                                    courtVnkod: string;
                                    judicialUid: string | null;
                                    linkedAt: string;
                                    /** Format: uuid */
                                    linkId: string;
                                };
                            }[];
                            closedAt: string | null;
                            createdAt: string;
                            documents?: {
                                id: string;
                                mediaType: string;
                                /** @enum {string} */
                                metadata: "stripped" | "not inspected";
                                name: string;
                                removed: string[];
                                sha256: string;
                                size: number;
                                uploadedAt: string;
                                uploadedBy: string | null;
                            }[];
                            id: string;
                            notes?: {
                                authorId: string | null;
                                createdAt: string;
                                id: string;
                                /** @enum {string} */
                                kind: "note" | "call" | "meeting" | "hearing" | "document" | "decision" | "other";
                                occurredOn?: string;
                                text: string;
                            }[];
                            /** @description only the field groups the caller’s role may see */
                            record: {
                                /**
                                 * @default {
                                 *       "shareWithinOrganisation": false,
                                 *       "referralTo": []
                                 *     }
                                 */
                                consent: {
                                    /** Format: date */
                                    recordedOn?: string;
                                    /** @default [] */
                                    referralTo: string[];
                                    /** @default false */
                                    shareWithinOrganisation: boolean;
                                    /**
                                     * Format: date
                                     * @description the consent ends at the end of this day
                                     */
                                    until?: string;
                                };
                                /** @default [] */
                                criminalCases: {
                                    captureId: number | null;
                                    captureSha256: string | null;
                                    caseId: number;
                                    caseNumber: string | null;
                                    courtVnkod: string;
                                    judicialUid: string | null;
                                    linkedAt: string;
                                    /** Format: uuid */
                                    linkId: string;
                                }[];
                                /** @default [] */
                                documents: {
                                    note?: string;
                                    /** @description searchable by exact value only */
                                    number?: string;
                                    /** @enum {string} */
                                    state: "held" | "confiscated" | "lost" | "expired" | "with_authorities";
                                    /** @enum {string} */
                                    type: "internal_passport" | "international_passport" | "military_id" | "birth_certificate" | "other";
                                }[];
                                military?: {
                                    rank?: string;
                                    /** @default [] */
                                    service: {
                                        /** @description deployed to a combat zone in this period */
                                        deployed?: boolean;
                                        /** Format: date */
                                        from?: string;
                                        place?: string;
                                        role?: string;
                                        /** Format: date */
                                        to?: string;
                                        unit?: string;
                                        /** @description the military unit number (в/ч) */
                                        unitNumber?: string;
                                    }[];
                                    /** @enum {string} */
                                    status: "conscript" | "contract" | "mobilised" | "reservist" | "volunteer" | "none" | "unknown";
                                };
                                person?: {
                                    /** Format: date */
                                    birthDate?: string;
                                    contact?: {
                                        /** @description a safe way to reach the client (e.g. "Signal, via the caseworker") */
                                        method: string;
                                        /** @description when it is safe to contact */
                                        times?: string;
                                    };
                                    /** @default [] */
                                    languages: string[];
                                    /** @description the names and their spellings, Cyrillic and Latin */
                                    names: {
                                        family: string;
                                        given?: string;
                                        patronymic?: string;
                                        /** @enum {string} */
                                        script: "cyrillic" | "latin";
                                    }[];
                                };
                                /** @description free text: the story in brief */
                                summary?: string;
                                wanted?: {
                                    /** Format: date */
                                    checkedOn?: string;
                                    /** @description where the status was seen (a URL, a document) */
                                    evidence?: string;
                                    /** @enum {string} */
                                    status: "unknown" | "not_listed" | "federal" | "interstate" | "interpol";
                                };
                            };
                            revision: number;
                            sharedWith?: string[];
                            /** @enum {string} */
                            status: "open" | "closed" | "referred";
                            synthetic: boolean;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Change a client file: the whole record (links to court records are kept) and its status, on the revision you last saw */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        record: {
                            /**
                             * @default {
                             *       "shareWithinOrganisation": false,
                             *       "referralTo": []
                             *     }
                             */
                            consent?: {
                                /** Format: date */
                                recordedOn?: string;
                                /** @default [] */
                                referralTo?: string[];
                                /** @default false */
                                shareWithinOrganisation?: boolean;
                                /**
                                 * Format: date
                                 * @description the consent ends at the end of this day
                                 */
                                until?: string;
                            };
                            /** @default [] */
                            documents?: {
                                note?: string;
                                /** @description searchable by exact value only */
                                number?: string;
                                /** @enum {string} */
                                state: "held" | "confiscated" | "lost" | "expired" | "with_authorities";
                                /** @enum {string} */
                                type: "internal_passport" | "international_passport" | "military_id" | "birth_certificate" | "other";
                            }[];
                            military?: {
                                rank?: string;
                                /** @default [] */
                                service?: {
                                    /** @description deployed to a combat zone in this period */
                                    deployed?: boolean;
                                    /** Format: date */
                                    from?: string;
                                    place?: string;
                                    role?: string;
                                    /** Format: date */
                                    to?: string;
                                    unit?: string;
                                    /** @description the military unit number (в/ч) */
                                    unitNumber?: string;
                                }[];
                                /** @enum {string} */
                                status: "conscript" | "contract" | "mobilised" | "reservist" | "volunteer" | "none" | "unknown";
                            };
                            person: {
                                /** Format: date */
                                birthDate?: string;
                                contact?: {
                                    /** @description a safe way to reach the client (e.g. "Signal, via the caseworker") */
                                    method: string;
                                    /** @description when it is safe to contact */
                                    times?: string;
                                };
                                /** @default [] */
                                languages?: string[];
                                /** @description the names and their spellings, Cyrillic and Latin */
                                names: {
                                    family: string;
                                    given?: string;
                                    patronymic?: string;
                                    /** @enum {string} */
                                    script: "cyrillic" | "latin";
                                }[];
                            };
                            /** @description free text: the story in brief */
                            summary?: string;
                            wanted?: {
                                /** Format: date */
                                checkedOn?: string;
                                /** @description where the status was seen (a URL, a document) */
                                evidence?: string;
                                /** @enum {string} */
                                status: "unknown" | "not_listed" | "federal" | "interstate" | "interpol";
                            };
                        };
                        /** @description the revision the change was made on */
                        revision: number;
                        /** @enum {string} */
                        status?: "open" | "closed" | "referred";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A client's asylum applications: destination, procedure, steps with dates and outcomes, and their deadlines (computed and set by hand) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applications: {
                                arrivedOn?: string;
                                createdAt: string;
                                /** @description computed from the served outcomes (the procedure’s deadline rules), the arrival, and the dates set by hand; each with its own error */
                                deadlines: {
                                    /** @description met: the next stage was filed, or the hand-entered deadline marked done */
                                    done: boolean;
                                    /** @description the last day, YYYY-MM-DD; null while suspended, incomplete or refused */
                                    due: string | null;
                                    /** @description error: why the engine refused the input */
                                    error: {
                                        code: string;
                                        /** @description in English */
                                        message: string;
                                        /** @description the refusal as data, to write in your language (null: another kind of error) */
                                        refusal: ({
                                            /** @enum {string} */
                                            field: "rule";
                                            /** @description the id asked, when it has the shape of a rule id */
                                            given: string | null;
                                            /** @enum {string} */
                                            reason: "unknown_rule";
                                            rules: string[];
                                        } | {
                                            /** @enum {string} */
                                            field: "rule";
                                            /** @enum {string} */
                                            reason: "rule_without_period";
                                            /** @description the rule id */
                                            rule: string;
                                        } | {
                                            /** @enum {string} */
                                            field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                            /** @description the value, when it has the shape YYYY-MM-DD */
                                            given: string | null;
                                            /** @enum {string} */
                                            reason: "not_a_date";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                            first: number;
                                            last: number;
                                            /** @enum {string} */
                                            reason: "year_out_of_range";
                                        } | {
                                            country: string;
                                            /** @enum {string} */
                                            field: "region";
                                            /** @description the region asked, when it has the shape of a region code */
                                            given: string | null;
                                            /** @enum {string} */
                                            reason: "unknown_region";
                                            regions: string[];
                                        } | ({
                                            /** @description the event the period runs from */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @enum {string} */
                                            field: "from";
                                            /** @enum {string} */
                                            reason: "required";
                                        } | {
                                            /** @enum {string} */
                                            field: "due";
                                            /** @enum {string} */
                                            reason: "required";
                                        } | {
                                            /** @enum {string} */
                                            field: "legalAidRequestedOn";
                                            /** @enum {string} */
                                            reason: "required";
                                        }) | {
                                            /** @enum {string} */
                                            field: "due" | "shift";
                                            /** @enum {string} */
                                            reason: "only_manual";
                                            /** @description the rule id */
                                            rule: string;
                                        } | {
                                            /** @enum {string} */
                                            field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                            /** @enum {string} */
                                            reason: "not_for_manual";
                                            /** @description the rule id */
                                            rule: string;
                                        } | {
                                            /** @enum {string} */
                                            field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                            /** @enum {string} */
                                            reason: "no_such_option";
                                            /** @description the rule id */
                                            rule: string;
                                        } | {
                                            /** @enum {string} */
                                            field: "overseas";
                                            /** @enum {string} */
                                            reason: "extension_unit";
                                            /** @description the rule id */
                                            rule: string;
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @enum {string} */
                                            field: "legalAidRequestedOn" | "due";
                                            /** @description YYYY-MM-DD */
                                            from: string;
                                            /** @enum {string} */
                                            reason: "before_event";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            field: "legalAidDecidedOn";
                                            /** @enum {string} */
                                            reason: "before_request";
                                            /** @description YYYY-MM-DD */
                                            requested: string;
                                        } | {
                                            days: number;
                                            /** @description the last day of the period, before any move past non-working days */
                                            end: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @enum {string} */
                                            field: "legalAidRequestedOn";
                                            /** @description YYYY-MM-DD */
                                            from: string;
                                            /** @enum {string} */
                                            reason: "legal_aid_too_late";
                                            /** @description YYYY-MM-DD */
                                            requested: string;
                                            withinDays: number;
                                        }) | null;
                                    } | null;
                                    /** @description the date the period runs from */
                                    from: string | null;
                                    /** @description stable within the application */
                                    key: string;
                                    /** @description a hand-entered deadline’s label */
                                    label: string | null;
                                    manualId: string | null;
                                    /** @description incomplete: the date to record */
                                    missing: ("servedOn" | "arrivedOn") | null;
                                    /**
                                     * @description outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand
                                     * @enum {string}
                                     */
                                    origin: "outcome" | "arrival" | "manual";
                                    outcome: string | null;
                                    result: {
                                        country: string;
                                        /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                                        due: string | null;
                                        /** @description the last day of the period before any move past a non-working day */
                                        endOfPeriod: string | null;
                                        /** @description each step as a sentence, in the language asked (default English) */
                                        explanation: string[];
                                        /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                                        nonWorkingDay: string | null;
                                        /** @description the rule's note, in the language asked */
                                        note: string | null;
                                        region: string;
                                        rule: string;
                                        shifted: boolean;
                                        sources: {
                                            /** @description in the legal notation of its country, the same in every language */
                                            citation: string;
                                            /** @description the citation in Russian, where it is words rather than a reference */
                                            ru?: string;
                                            url?: string;
                                        }[];
                                        /**
                                         * @description suspended: legal aid requested, its decision not yet notified
                                         * @enum {string}
                                         */
                                        status: "due" | "suspended";
                                        /** @description the same steps, structured, for an app to write in its own language */
                                        steps: ({
                                            /** @description the rule's default region was taken: why */
                                            defaultNote: {
                                                en: string;
                                                ru: string;
                                            } | null;
                                            /** @enum {string} */
                                            kind: "holidays";
                                            region: string;
                                        } | {
                                            /** @enum {string} */
                                            kind: "urgent";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            end: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @description YYYY-MM-DD */
                                            from: string;
                                            /** @enum {string} */
                                            kind: "period";
                                            period: {
                                                amount: number;
                                                /** @enum {string} */
                                                unit: "days" | "weeks" | "months" | "years";
                                            };
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            end: string;
                                            /** @enum {string} */
                                            kind: "monthEnd";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            end: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            extension: {
                                                amount: number;
                                                /** @enum {string} */
                                                unit: "days" | "weeks" | "months" | "years";
                                            };
                                            /** @description YYYY-MM-DD */
                                            from: string;
                                            /** @enum {string} */
                                            kind: "overseas";
                                            period: {
                                                amount: number;
                                                /** @enum {string} */
                                                unit: "days" | "weeks" | "months" | "years";
                                            };
                                            /** @description the same text in English and Russian */
                                            text: {
                                                en: string;
                                                ru: string;
                                            };
                                        } | {
                                            day: number;
                                            daysLeft: number;
                                            /** @description YYYY-MM-DD */
                                            end: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @description YYYY-MM-DD */
                                            from: string;
                                            /** @enum {string} */
                                            kind: "legalAidRequested";
                                            /** @description YYYY-MM-DD */
                                            requested: string;
                                            withinDays: number;
                                        } | {
                                            /** @enum {string} */
                                            kind: "suspended";
                                        } | {
                                            daysLeft: number;
                                            /** @description YYYY-MM-DD */
                                            decided: string;
                                            /** @description YYYY-MM-DD */
                                            end: string;
                                            /** @enum {string} */
                                            kind: "legalAidDecided";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @description the holiday, as the calendar names it; null: a weekend */
                                            holiday: string | null;
                                            /** @enum {string} */
                                            kind: "nonWorking";
                                            region: string;
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            kind: "nextWorkingDay";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            kind: "workingDay";
                                            region: string;
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @description the same text in English and Russian */
                                            event: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @enum {string} */
                                            kind: "event";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            kind: "setByHand";
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            holiday: string | null;
                                            /** @enum {string} */
                                            kind: "keptAsSet";
                                            region: string;
                                        } | {
                                            /** @description YYYY-MM-DD */
                                            date: string;
                                            /** @enum {string} */
                                            kind: "due";
                                        })[];
                                        /** @description the rule's title, in the language asked */
                                        title: string;
                                        urgentApplication: boolean;
                                    } | null;
                                    /** @description the rule id; null: a hand-entered date in a country without a rule */
                                    rule: string | null;
                                    /** @description the rule's note */
                                    ruleNote: {
                                        en: string;
                                        ru: string;
                                    } | null;
                                    ruleTitle: {
                                        en: string;
                                        ru: string;
                                    } | null;
                                    /** @description a hand-entered deadline’s order or letter that set it */
                                    source: string | null;
                                    stage: string | null;
                                    /** @enum {string} */
                                    status: "due" | "suspended" | "incomplete" | "error";
                                    stepId: string | null;
                                    urgentApplication: boolean;
                                }[];
                                destination: string;
                                id: string;
                                manualDeadlines: {
                                    done: boolean;
                                    due: string;
                                    id: string;
                                    label: string;
                                    setBy: string;
                                    source?: string;
                                }[];
                                procedure: string;
                                reference?: string;
                                region?: string;
                                revision: number;
                                steps: {
                                    decidedOn?: string;
                                    documentIds: string[];
                                    filedOn?: string;
                                    id: string;
                                    legalAid?: {
                                        decidedOn?: string;
                                        requestedOn: string;
                                    };
                                    note?: string;
                                    outcome?: string;
                                    overseas?: boolean;
                                    servedOn?: string;
                                    stage: string;
                                }[];
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Add an asylum application to a client file (a destination and one of its procedures, optionally its first steps) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description the last arrival in the country (US: the one-year filing limit)
                         */
                        arrivedOn?: string;
                        destination: string;
                        /** @default [] */
                        manualDeadlines?: {
                            /** @default false */
                            done?: boolean;
                            /** Format: date */
                            due: string;
                            /** Format: uuid */
                            id?: string;
                            label: string;
                            /**
                             * @default judge
                             * @enum {string}
                             */
                            setBy?: "judge" | "authority" | "lawyer" | "other";
                            /** @description the order or letter that set it */
                            source?: string;
                        }[];
                        /** @description a procedure id, e.g. de.asylum */
                        procedure: string;
                        /** @description the authority's file number */
                        reference?: string;
                        /** @description where the court sits: its public holidays move deadlines */
                        region?: string;
                        /** @default [] */
                        steps?: {
                            /** Format: date */
                            decidedOn?: string;
                            /**
                             * @description documents of this client file the step rests on
                             * @default []
                             */
                            documentIds?: string[];
                            /** Format: date */
                            filedOn?: string;
                            /**
                             * Format: uuid
                             * @description kept across edits; given to new steps when missing
                             */
                            id?: string;
                            /** @description France: a legal-aid request within 15 days suspends the CNDA time limit */
                            legalAid?: {
                                /**
                                 * Format: date
                                 * @description when the legal-aid decision was notified
                                 */
                                decidedOn?: string;
                                /** Format: date */
                                requestedOn: string;
                            };
                            note?: string;
                            /** @description one of the stage's outcome ids */
                            outcome?: string;
                            /** @description France: the applicant lives overseas (one more month) */
                            overseas?: boolean;
                            /**
                             * Format: date
                             * @description when the decision was served (Zustellung, notification): deadlines run from here
                             */
                            servedOn?: string;
                            /** @description a stage id of the procedure (GET /api/v1/procedures) */
                            stage: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace an application’s content (steps, outcomes, dates, deadlines) — refused when someone changed it since `revision` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    applicationId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description the last arrival in the country (US: the one-year filing limit)
                         */
                        arrivedOn?: string;
                        destination: string;
                        /** @default [] */
                        manualDeadlines?: {
                            /** @default false */
                            done?: boolean;
                            /** Format: date */
                            due: string;
                            /** Format: uuid */
                            id?: string;
                            label: string;
                            /**
                             * @default judge
                             * @enum {string}
                             */
                            setBy?: "judge" | "authority" | "lawyer" | "other";
                            /** @description the order or letter that set it */
                            source?: string;
                        }[];
                        /** @description a procedure id, e.g. de.asylum */
                        procedure: string;
                        /** @description the authority's file number */
                        reference?: string;
                        /** @description where the court sits: its public holidays move deadlines */
                        region?: string;
                        /** @description the revision the change was made on */
                        revision: number;
                        /** @default [] */
                        steps?: {
                            /** Format: date */
                            decidedOn?: string;
                            /**
                             * @description documents of this client file the step rests on
                             * @default []
                             */
                            documentIds?: string[];
                            /** Format: date */
                            filedOn?: string;
                            /**
                             * Format: uuid
                             * @description kept across edits; given to new steps when missing
                             */
                            id?: string;
                            /** @description France: a legal-aid request within 15 days suspends the CNDA time limit */
                            legalAid?: {
                                /**
                                 * Format: date
                                 * @description when the legal-aid decision was notified
                                 */
                                decidedOn?: string;
                                /** Format: date */
                                requestedOn: string;
                            };
                            note?: string;
                            /** @description one of the stage's outcome ids */
                            outcome?: string;
                            /** @description France: the applicant lives overseas (one more month) */
                            overseas?: boolean;
                            /**
                             * Format: date
                             * @description when the decision was served (Zustellung, notification): deadlines run from here
                             */
                            servedOn?: string;
                            /** @description a stage id of the procedure (GET /api/v1/procedures) */
                            stage: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/applications/{applicationId}/steps/{stepId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Correct one step of an application (dates, outcome, service, legal aid): a field given replaces it, null takes it out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    applicationId: string;
                    id: string;
                    stepId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        decidedOn?: string | null;
                        documentIds?: string[];
                        filedOn?: string | null;
                        /** @description France: when the legal-aid decision was notified (needs the request) */
                        legalAidDecidedOn?: string | null;
                        /** @description France: when legal aid was requested */
                        legalAidRequestedOn?: string | null;
                        note?: string | null;
                        /** @description one of the stage's outcome ids; null: pending */
                        outcome?: string | null;
                        overseas?: boolean | null;
                        /** @description the revision of the application the change was made on */
                        revision: number;
                        /** @description when the decision was served: deadlines run from here */
                        servedOn?: string | null;
                        /** @description a stage id of the procedure */
                        stage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link a client file to a criminal case in the tracker (by case id, judicial UID, or court and case number); the link keeps the card's capture and sha256 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the tracker's case id */
                        caseId?: number;
                        caseNumber?: string;
                        /** @description the court code (vnkod), with caseNumber */
                        court?: string;
                        /** @description the judicial UID (УИД) of the case */
                        judicialUid?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captureId: number | null;
                            captureSha256: string | null;
                            caseId: number;
                            caseNumber: string | null;
                            courtVnkod: string;
                            judicialUid: string | null;
                            linkedAt: string;
                            /** Format: uuid */
                            linkId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/cases/{linkId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove the link from a client file to a criminal case in the tracker (the case itself is untouched); checklist items it met are to check again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    linkId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: number;
                            linkId: string;
                            /** @description checklist marks that named the linked record: their items are to check again */
                            marksToCheck: number;
                            /** @description the file's revision after the change */
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document checklist of a claim type, each item with its sources, what on the file meets it (linked court records with capture sha256, documents) and the worker's judgement; counts per status */
        get: {
            parameters: {
                query: {
                    /** @description the claim type whose checklist to show */
                    claimType: "deserter_criminal_case" | "awol_337" | "mobilised_before_deployment" | "conscript_reservist_before_callup" | "contract_soldier";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access: {
                                /** @description the caller may mark items (clients.checklist_mark) */
                                mark: boolean;
                            };
                            /** @enum {string} */
                            claimType: "deserter_criminal_case" | "awol_337" | "mobilised_before_deployment" | "conscript_reservist_before_callup" | "contract_soldier";
                            clientId: string;
                            counts: {
                                met: number;
                                not_applicable: number;
                                open: number;
                                to_check: number;
                            };
                            items: {
                                courtRecords: {
                                    captureArchived: boolean;
                                    captureSha256: string | null;
                                    caseId: number;
                                    caseNumber: string | null;
                                    courtVnkod: string;
                                    linkId: string;
                                }[];
                                destinations: {
                                    country: string;
                                    note: {
                                        en: string;
                                        ru: string;
                                    };
                                    sources: {
                                        check?: string;
                                        /** @enum {string} */
                                        confidence: "official" | "secondary" | "unverified";
                                        conflict?: {
                                            en: string;
                                            ru: string;
                                        };
                                        date?: string;
                                        id: string;
                                        sources: {
                                            document?: string;
                                            published?: string;
                                            url?: string;
                                        }[];
                                        /** @enum {string} */
                                        status?: "in_force" | "historical" | "passed_not_confirmed";
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                        verified: string;
                                    }[];
                                }[];
                                documents: {
                                    id: string;
                                    name: string;
                                    sha256: string;
                                    uploadedAt: string;
                                }[];
                                id: string;
                                /** @enum {string} */
                                kind: "court_record" | "document" | "statement" | "other";
                                /** @description the worker's judgement (null: never marked) */
                                mark: {
                                    courtRecords: {
                                        captureSha256: string | null;
                                        caseId: number;
                                        caseNumber: string | null;
                                        courtVnkod: string;
                                        linkId: string;
                                    }[];
                                    documents: {
                                        id: string;
                                        name: string;
                                        sha256: string;
                                    }[];
                                    /** @enum {string} */
                                    judgement: "met" | "not_applicable" | "reopened";
                                    markedAt: string;
                                    markedBy: string | null;
                                    markedByEmail: string | null;
                                    /** @description what the mark names that is gone since: the item is to check again */
                                    missing: {
                                        id: string;
                                        /** @enum {string} */
                                        kind: "document" | "court_record";
                                        /** @enum {string} */
                                        why: "deleted" | "unlinked" | "capture_not_archived";
                                    }[];
                                    needsCheck: boolean;
                                    note?: string;
                                    reason?: string;
                                    revision: number;
                                } | null;
                                metBy: ("judgement" | "court_record") | null;
                                /** @description the revision a change of the item's mark is made on (0: never marked) */
                                revision: number;
                                sources: {
                                    check?: string;
                                    /** @enum {string} */
                                    confidence: "official" | "secondary" | "unverified";
                                    conflict?: {
                                        en: string;
                                        ru: string;
                                    };
                                    date?: string;
                                    id: string;
                                    sources: {
                                        document?: string;
                                        published?: string;
                                        url?: string;
                                    }[];
                                    /** @enum {string} */
                                    status?: "in_force" | "historical" | "passed_not_confirmed";
                                    text: {
                                        en: string;
                                        ru: string;
                                    };
                                    verified: string;
                                }[];
                                /**
                                 * @description met: by a worker's judgement (what it names all still on the file) or a linked court record with its capture archived; not_applicable: a worker's judgement with the reason; to_check: candidates to judge, or a mark naming something gone since; open: nothing yet
                                 * @enum {string}
                                 */
                                status: "met" | "not_applicable" | "to_check" | "open";
                                what: {
                                    en: string;
                                    ru: string;
                                };
                                why: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            summary: {
                                en: string;
                                ru: string;
                            };
                            title: {
                                en: string;
                                ru: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/checklist/marks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a worker's judgement on a checklist item: met by named documents and/or linked court records, not applicable (with the reason), or reopened — refused when someone changed it since `revision` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description the claim type whose checklist holds the item
                         * @enum {string}
                         */
                        claimType: "deserter_criminal_case" | "awol_337" | "mobilised_before_deployment" | "conscript_reservist_before_callup" | "contract_soldier";
                        /**
                         * @description documents of this client file that meet the item (met only)
                         * @default []
                         */
                        documentIds?: string[];
                        /** @description the item's id in that checklist (GET …/checklist lists them) */
                        itemId: string;
                        /**
                         * @description met: the named documents or court records meet it; not_applicable: with a reason; reopened: back to what the file shows
                         * @enum {string}
                         */
                        judgement: "met" | "not_applicable" | "reopened";
                        /**
                         * @description linked court records of this file (their capture archived) that meet the item (met only)
                         * @default []
                         */
                        linkIds?: string[];
                        /** @description a short note of the worker */
                        note?: string;
                        /** @description why the item does not apply (not_applicable only) */
                        reason?: string;
                        /** @description the item's revision the change was made on (0: it had no mark) */
                        revision: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the mark */
                            id: string;
                            revision: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a document to a client file (JPEG/PNG/PDF metadata — EXIF, GPS, author — is removed first)
         * @description The document as base64 in JSON (at most 10 MiB of bytes).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        contentBase64: string;
                        /** @default application/octet-stream */
                        mediaType?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            mediaType: string;
                            /** @enum {string} */
                            metadata: "stripped" | "not inspected";
                            name: string;
                            removed: string[];
                            sha256: string;
                            size: number;
                            uploadedAt: string;
                            uploadedBy: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one document of a client file (as stored: after metadata stripping) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Download one document of a client file (as stored: after metadata stripping) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/documents/{documentId}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Delete a document from a client file (its encrypted bytes and metadata; cannot be undone): application steps stop naming it, checklist items it met are to check again
         * @description The document’s row goes: its encrypted bytes, metadata and key. The audit entry names its id only.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    documentId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description applications whose steps named the document (each one revision on) */
                            applications: number;
                            documentId: string;
                            /** @description checklist marks that named it: their items are to check again */
                            marksToCheck: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/exclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exclusion (art. 1F) preparation: the service timeline and public allegations against its units — to prepare for, not a verdict */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            matches: {
                                allegationId: string;
                                alleged: {
                                    en: string;
                                    ru: string;
                                };
                                /** @enum {string} */
                                confidence: "reported" | "official_finding" | "court_finding";
                                /** @enum {string} */
                                licence: "not_verified" | "verified_open" | "verified_restricted";
                                note?: {
                                    en: string;
                                    ru: string;
                                };
                                period: {
                                    from: string;
                                    to: string;
                                };
                                /** @enum {string} */
                                periodOverlap: "yes" | "no" | "unknown";
                                places: {
                                    en: string;
                                    ru: string;
                                }[];
                                reasons: {
                                    /** @description null ru: the knowledge base has no Russian name */
                                    allegation: {
                                        en: string;
                                        ru: string | null;
                                    };
                                    client: string;
                                    /** @enum {string} */
                                    field: "unitNumber" | "unit" | "place";
                                    /** @enum {string} */
                                    rule: "unit_number" | "unit_name" | "place_and_period";
                                }[];
                                serviceIndex: number;
                                sources: {
                                    document?: string;
                                    published: string;
                                    publisher: string;
                                    title: string;
                                    url?: string;
                                }[];
                                units: {
                                    name: {
                                        en: string;
                                        ru: string;
                                    };
                                    number?: string;
                                }[];
                            }[];
                            /** @description to prepare for, not a verdict */
                            notice: {
                                en: string;
                                ru: string;
                            };
                            timeline: {
                                deployed?: boolean;
                                from?: string;
                                index: number;
                                place?: string;
                                role?: string;
                                to?: string;
                                unit?: string;
                                unitNumber?: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a note or a timeline entry (call, meeting, hearing, decision, …) to a client file */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default note
                         * @enum {string}
                         */
                        kind?: "note" | "call" | "meeting" | "hearing" | "document" | "decision" | "other";
                        /**
                         * Format: date
                         * @description when it happened, if not when it was written
                         */
                        occurredOn?: string;
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refer a client to another organisation (with his consent): a copy re-encrypted for it, recorded on both sides */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the receiving organisation (slug) */
                        organisation: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description asylum applications copied, with their steps */
                            applications: number;
                            /** @description checklist marks copied */
                            checklistMarks: number;
                            documents: number;
                            organisation: string;
                            possibleDuplicates: number;
                            referralId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share a client file with a member of your organisation (with the client’s consent to sharing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sharedWith: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/{id}/shares/{userId}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop sharing a client file with a member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sharedWith: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Find client files by an exact identity-document number, name spelling or case reference (no partial matches) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "document_number" | "name" | "case_ref";
                        value: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clients: {
                                createdAt: string;
                                id: string;
                                linkedCases: number;
                                militaryStatus: string | null;
                                /** @description null for roles that may not see the person */
                                name: string | null;
                                revision: number;
                                /** @enum {string} */
                                status: "open" | "closed" | "referred";
                                synthetic: boolean;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clients/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of your organisation’s client files by status and military status, and how many are linked to a court record — no identifying field */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            byMilitaryStatus: {
                                [key: string]: number;
                            };
                            byStatus: {
                                [key: string]: number;
                            };
                            referrals: {
                                received: number;
                                sent: number;
                            };
                            total: number;
                            withLinkedCase: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/courts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Military courts (directory) with their crawl status
         * @description CSV with format=csv (the JSON field names as columns)
         */
        get: {
            parameters: {
                query?: {
                    /** @description false: leave out the courts listed only in the 2020 list (closed or renamed since) */
                    all?: "true" | "false";
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description true: only courts whose search needs a captcha; false: the others */
                    captcha?: "true" | "false";
                    /** @description the okrug/fleet court's name contains this text */
                    district?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description only courts whose pages have this layout */
                    layout?: "classic" | "new";
                    /** @description name or host contains this text */
                    search?: string;
                    /** @description only courts of this type */
                    type?: "garrison" | "okrug_fleet" | "appellate" | "cassation";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the whole directory, not the filtered list */
                            counts: {
                                appellate: number;
                                cassation: number;
                                garrison: number;
                                newLayout: number;
                                okrug_fleet: number;
                                onlyInOldList: number;
                                total: number;
                                withCaptcha: number;
                            };
                            courts: {
                                captcha: boolean | null;
                                crawl: {
                                    backoff_reason: string | null;
                                    backoff_until: string | null;
                                    blocked_reason: string | null;
                                    captcha_needed: boolean;
                                    court_vnkod: string | null;
                                    done: number;
                                    expected_rows: number | null;
                                    failed: number;
                                    host: string;
                                    last_error: string | null;
                                    last_success_at: string | null;
                                    pending: number;
                                    rows_found: number | null;
                                    running: number;
                                } | null;
                                districtBasis: ("vnkod-prefix" | "inferred" | "self" | "federal") | null;
                                /** @description the okrug/fleet court (vnkod) of its appellate district */
                                districtCourt: string | null;
                                districtName: string | null;
                                /** @description current form 'slug--region.sudrf.ru' */
                                host: string | null;
                                layout: ("classic" | "new") | null;
                                layoutSource: ("dataout-2023" | "tochno-st-2024" | "sm-backend-2020" | "sudrfpractice") | null;
                                /** @description legacy dotted form 'slug.region.sudrf.ru' */
                                legacyHost: string | null;
                                name: string;
                                /** @description only the 2020 list has it: probably closed or merged since */
                                onlyInOldList: boolean;
                                /** @description sudrf.ru region code the court is listed under */
                                regionCode: string | null;
                                regionName: string | null;
                                sources: ("dataout-2023" | "tochno-st-2024" | "sm-backend-2020" | "sudrfpractice")[];
                                srv: string[];
                                /** @enum {string} */
                                type: "garrison" | "okrug_fleet" | "appellate" | "cassation";
                                typeCode: ("GV" | "OV" | "AV" | "KV") | null;
                                vnkod: string | null;
                            }[];
                            generatedFrom: {
                                date: string;
                                file: string;
                                /** @enum {string} */
                                source: "dataout-2023" | "tochno-st-2024" | "sm-backend-2020" | "sudrfpractice";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadlines/calendar.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your deadlines as an iCalendar file (clients by initials and file reference only) */
        get: {
            parameters: {
                query?: {
                    /** @description the language of the entries (default: yours, as set in the app) */
                    language?: "en" | "ru";
                    /** @description mine: the files you opened or that are shared with you; organisation: every open file of your organisation */
                    scope?: "mine" | "organisation";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Your deadlines as an iCalendar file (clients by initials and file reference only) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadlines/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compute a deadline: the due date, the rule applied, each step and its sources */
        get: {
            parameters: {
                query: {
                    /** @description a manual rule: the date set by the judge or authority */
                    due?: string;
                    /** @description the date the period runs from (service, notification, arrival, decision) */
                    from?: string;
                    /** @description the language of the explanation, title and note, and of a refusal: en (default) or ru */
                    language?: "en" | "ru";
                    /** @description France: the date the legal-aid decision was notified */
                    legalAidDecidedOn?: string;
                    /** @description France: the date legal aid was requested */
                    legalAidRequestedOn?: string;
                    /** @description France: the applicant is overseas (one more month) */
                    overseas?: "0" | "1" | "true" | "false";
                    /** @description holiday region: DE or DE-XX (the Land of the court), FR, US; default: the rule country default */
                    region?: string;
                    /** @description the rule id, e.g. de.bamf.klage (the rules: /api/v1/deadlines/rules) */
                    rule: string;
                    /** @description a manual rule: move a date on a non-working day to the next working day */
                    shift?: "0" | "1" | "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string;
                            /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                            due: string | null;
                            /** @description the last day of the period before any move past a non-working day */
                            endOfPeriod: string | null;
                            /** @description each step as a sentence, in the language asked (default English) */
                            explanation: string[];
                            /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                            nonWorkingDay: string | null;
                            /** @description the rule's note, in the language asked */
                            note: string | null;
                            region: string;
                            rule: string;
                            shifted: boolean;
                            sources: {
                                /** @description in the legal notation of its country, the same in every language */
                                citation: string;
                                /** @description the citation in Russian, where it is words rather than a reference */
                                ru?: string;
                                url?: string;
                            }[];
                            /**
                             * @description suspended: legal aid requested, its decision not yet notified
                             * @enum {string}
                             */
                            status: "due" | "suspended";
                            /** @description the same steps, structured, for an app to write in its own language */
                            steps: ({
                                /** @description the rule's default region was taken: why */
                                defaultNote: {
                                    en: string;
                                    ru: string;
                                } | null;
                                /** @enum {string} */
                                kind: "holidays";
                                region: string;
                            } | {
                                /** @enum {string} */
                                kind: "urgent";
                            } | {
                                /** @description YYYY-MM-DD */
                                end: string;
                                /** @description the same text in English and Russian */
                                event: {
                                    en: string;
                                    ru: string;
                                };
                                /** @description YYYY-MM-DD */
                                from: string;
                                /** @enum {string} */
                                kind: "period";
                                period: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "days" | "weeks" | "months" | "years";
                                };
                            } | {
                                /** @description YYYY-MM-DD */
                                end: string;
                                /** @enum {string} */
                                kind: "monthEnd";
                            } | {
                                /** @description YYYY-MM-DD */
                                end: string;
                                /** @description the same text in English and Russian */
                                event: {
                                    en: string;
                                    ru: string;
                                };
                                extension: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "days" | "weeks" | "months" | "years";
                                };
                                /** @description YYYY-MM-DD */
                                from: string;
                                /** @enum {string} */
                                kind: "overseas";
                                period: {
                                    amount: number;
                                    /** @enum {string} */
                                    unit: "days" | "weeks" | "months" | "years";
                                };
                                /** @description the same text in English and Russian */
                                text: {
                                    en: string;
                                    ru: string;
                                };
                            } | {
                                day: number;
                                daysLeft: number;
                                /** @description YYYY-MM-DD */
                                end: string;
                                /** @description the same text in English and Russian */
                                event: {
                                    en: string;
                                    ru: string;
                                };
                                /** @description YYYY-MM-DD */
                                from: string;
                                /** @enum {string} */
                                kind: "legalAidRequested";
                                /** @description YYYY-MM-DD */
                                requested: string;
                                withinDays: number;
                            } | {
                                /** @enum {string} */
                                kind: "suspended";
                            } | {
                                daysLeft: number;
                                /** @description YYYY-MM-DD */
                                decided: string;
                                /** @description YYYY-MM-DD */
                                end: string;
                                /** @enum {string} */
                                kind: "legalAidDecided";
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description the holiday, as the calendar names it; null: a weekend */
                                holiday: string | null;
                                /** @enum {string} */
                                kind: "nonWorking";
                                region: string;
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @enum {string} */
                                kind: "nextWorkingDay";
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @enum {string} */
                                kind: "workingDay";
                                region: string;
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @description the same text in English and Russian */
                                event: {
                                    en: string;
                                    ru: string;
                                };
                                /** @enum {string} */
                                kind: "event";
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @enum {string} */
                                kind: "setByHand";
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                holiday: string | null;
                                /** @enum {string} */
                                kind: "keptAsSet";
                                region: string;
                            } | {
                                /** @description YYYY-MM-DD */
                                date: string;
                                /** @enum {string} */
                                kind: "due";
                            })[];
                            /** @description the rule's title, in the language asked */
                            title: string;
                            urgentApplication: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadlines/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deadlines of your client files (or your organisation’s): overdue, due this week, later, without a date */
        get: {
            parameters: {
                query?: {
                    /** @description mine: the files you opened or that are shared with you; organisation: every open file of your organisation */
                    scope?: "mine" | "organisation";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description deadlines met */
                            done: number;
                            later: {
                                applicationId: string;
                                clientId: string;
                                clientName: string | null;
                                /** @description days from today to the last day (negative: overdue) */
                                daysLeft: number | null;
                                destination: string;
                                /** @description met: the next stage was filed, or the hand-entered deadline marked done */
                                done: boolean;
                                /** @description the last day, YYYY-MM-DD; null while suspended, incomplete or refused */
                                due: string | null;
                                /** @description error: why the engine refused the input */
                                error: {
                                    code: string;
                                    /** @description in English */
                                    message: string;
                                    /** @description the refusal as data, to write in your language (null: another kind of error) */
                                    refusal: ({
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @description the id asked, when it has the shape of a rule id */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_rule";
                                        rules: string[];
                                    } | {
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @enum {string} */
                                        reason: "rule_without_period";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @description the value, when it has the shape YYYY-MM-DD */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "not_a_date";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        first: number;
                                        last: number;
                                        /** @enum {string} */
                                        reason: "year_out_of_range";
                                    } | {
                                        country: string;
                                        /** @enum {string} */
                                        field: "region";
                                        /** @description the region asked, when it has the shape of a region code */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_region";
                                        regions: string[];
                                    } | ({
                                        /** @description the event the period runs from */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "from";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "due";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @enum {string} */
                                        reason: "required";
                                    }) | {
                                        /** @enum {string} */
                                        field: "due" | "shift";
                                        /** @enum {string} */
                                        reason: "only_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "not_for_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "no_such_option";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas";
                                        /** @enum {string} */
                                        reason: "extension_unit";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn" | "due";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "before_event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "before_request";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                    } | {
                                        days: number;
                                        /** @description the last day of the period, before any move past non-working days */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "legal_aid_too_late";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    }) | null;
                                } | null;
                                /** @description the short file reference e-mails and calendars use */
                                fileRef: string;
                                /** @description the date the period runs from */
                                from: string | null;
                                initials: string;
                                /** @description stable within the application */
                                key: string;
                                /** @description a hand-entered deadline’s label */
                                label: string | null;
                                manualId: string | null;
                                /** @description incomplete: the date to record */
                                missing: ("servedOn" | "arrivedOn") | null;
                                /**
                                 * @description outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand
                                 * @enum {string}
                                 */
                                origin: "outcome" | "arrival" | "manual";
                                outcome: string | null;
                                procedure: string;
                                /** @description the authority's file number */
                                reference: string | null;
                                result: {
                                    country: string;
                                    /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                                    due: string | null;
                                    /** @description the last day of the period before any move past a non-working day */
                                    endOfPeriod: string | null;
                                    /** @description each step as a sentence, in the language asked (default English) */
                                    explanation: string[];
                                    /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                                    nonWorkingDay: string | null;
                                    /** @description the rule's note, in the language asked */
                                    note: string | null;
                                    region: string;
                                    rule: string;
                                    shifted: boolean;
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /**
                                     * @description suspended: legal aid requested, its decision not yet notified
                                     * @enum {string}
                                     */
                                    status: "due" | "suspended";
                                    /** @description the same steps, structured, for an app to write in its own language */
                                    steps: ({
                                        /** @description the rule's default region was taken: why */
                                        defaultNote: {
                                            en: string;
                                            ru: string;
                                        } | null;
                                        /** @enum {string} */
                                        kind: "holidays";
                                        region: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "urgent";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "period";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "monthEnd";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        extension: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "overseas";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description the same text in English and Russian */
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    } | {
                                        day: number;
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "legalAidRequested";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "suspended";
                                    } | {
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        decided: string;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "legalAidDecided";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the holiday, as the calendar names it; null: a weekend */
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "nonWorking";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "nextWorkingDay";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "workingDay";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        kind: "event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "setByHand";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "keptAsSet";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "due";
                                    })[];
                                    /** @description the rule's title, in the language asked */
                                    title: string;
                                    urgentApplication: boolean;
                                } | null;
                                /** @description the rule id; null: a hand-entered date in a country without a rule */
                                rule: string | null;
                                /** @description the rule's note */
                                ruleNote: {
                                    en: string;
                                    ru: string;
                                } | null;
                                ruleTitle: {
                                    en: string;
                                    ru: string;
                                } | null;
                                /** @description a hand-entered deadline’s order or letter that set it */
                                source: string | null;
                                stage: string | null;
                                /** @enum {string} */
                                status: "due" | "suspended" | "incomplete" | "error";
                                stepId: string | null;
                                urgentApplication: boolean;
                            }[];
                            overdue: {
                                applicationId: string;
                                clientId: string;
                                clientName: string | null;
                                /** @description days from today to the last day (negative: overdue) */
                                daysLeft: number | null;
                                destination: string;
                                /** @description met: the next stage was filed, or the hand-entered deadline marked done */
                                done: boolean;
                                /** @description the last day, YYYY-MM-DD; null while suspended, incomplete or refused */
                                due: string | null;
                                /** @description error: why the engine refused the input */
                                error: {
                                    code: string;
                                    /** @description in English */
                                    message: string;
                                    /** @description the refusal as data, to write in your language (null: another kind of error) */
                                    refusal: ({
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @description the id asked, when it has the shape of a rule id */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_rule";
                                        rules: string[];
                                    } | {
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @enum {string} */
                                        reason: "rule_without_period";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @description the value, when it has the shape YYYY-MM-DD */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "not_a_date";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        first: number;
                                        last: number;
                                        /** @enum {string} */
                                        reason: "year_out_of_range";
                                    } | {
                                        country: string;
                                        /** @enum {string} */
                                        field: "region";
                                        /** @description the region asked, when it has the shape of a region code */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_region";
                                        regions: string[];
                                    } | ({
                                        /** @description the event the period runs from */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "from";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "due";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @enum {string} */
                                        reason: "required";
                                    }) | {
                                        /** @enum {string} */
                                        field: "due" | "shift";
                                        /** @enum {string} */
                                        reason: "only_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "not_for_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "no_such_option";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas";
                                        /** @enum {string} */
                                        reason: "extension_unit";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn" | "due";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "before_event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "before_request";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                    } | {
                                        days: number;
                                        /** @description the last day of the period, before any move past non-working days */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "legal_aid_too_late";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    }) | null;
                                } | null;
                                /** @description the short file reference e-mails and calendars use */
                                fileRef: string;
                                /** @description the date the period runs from */
                                from: string | null;
                                initials: string;
                                /** @description stable within the application */
                                key: string;
                                /** @description a hand-entered deadline’s label */
                                label: string | null;
                                manualId: string | null;
                                /** @description incomplete: the date to record */
                                missing: ("servedOn" | "arrivedOn") | null;
                                /**
                                 * @description outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand
                                 * @enum {string}
                                 */
                                origin: "outcome" | "arrival" | "manual";
                                outcome: string | null;
                                procedure: string;
                                /** @description the authority's file number */
                                reference: string | null;
                                result: {
                                    country: string;
                                    /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                                    due: string | null;
                                    /** @description the last day of the period before any move past a non-working day */
                                    endOfPeriod: string | null;
                                    /** @description each step as a sentence, in the language asked (default English) */
                                    explanation: string[];
                                    /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                                    nonWorkingDay: string | null;
                                    /** @description the rule's note, in the language asked */
                                    note: string | null;
                                    region: string;
                                    rule: string;
                                    shifted: boolean;
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /**
                                     * @description suspended: legal aid requested, its decision not yet notified
                                     * @enum {string}
                                     */
                                    status: "due" | "suspended";
                                    /** @description the same steps, structured, for an app to write in its own language */
                                    steps: ({
                                        /** @description the rule's default region was taken: why */
                                        defaultNote: {
                                            en: string;
                                            ru: string;
                                        } | null;
                                        /** @enum {string} */
                                        kind: "holidays";
                                        region: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "urgent";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "period";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "monthEnd";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        extension: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "overseas";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description the same text in English and Russian */
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    } | {
                                        day: number;
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "legalAidRequested";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "suspended";
                                    } | {
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        decided: string;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "legalAidDecided";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the holiday, as the calendar names it; null: a weekend */
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "nonWorking";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "nextWorkingDay";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "workingDay";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        kind: "event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "setByHand";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "keptAsSet";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "due";
                                    })[];
                                    /** @description the rule's title, in the language asked */
                                    title: string;
                                    urgentApplication: boolean;
                                } | null;
                                /** @description the rule id; null: a hand-entered date in a country without a rule */
                                rule: string | null;
                                /** @description the rule's note */
                                ruleNote: {
                                    en: string;
                                    ru: string;
                                } | null;
                                ruleTitle: {
                                    en: string;
                                    ru: string;
                                } | null;
                                /** @description a hand-entered deadline’s order or letter that set it */
                                source: string | null;
                                stage: string | null;
                                /** @enum {string} */
                                status: "due" | "suspended" | "incomplete" | "error";
                                stepId: string | null;
                                urgentApplication: boolean;
                            }[];
                            /** @enum {string} */
                            scope: "mine" | "organisation";
                            /** @description today and the six days after it */
                            thisWeek: {
                                applicationId: string;
                                clientId: string;
                                clientName: string | null;
                                /** @description days from today to the last day (negative: overdue) */
                                daysLeft: number | null;
                                destination: string;
                                /** @description met: the next stage was filed, or the hand-entered deadline marked done */
                                done: boolean;
                                /** @description the last day, YYYY-MM-DD; null while suspended, incomplete or refused */
                                due: string | null;
                                /** @description error: why the engine refused the input */
                                error: {
                                    code: string;
                                    /** @description in English */
                                    message: string;
                                    /** @description the refusal as data, to write in your language (null: another kind of error) */
                                    refusal: ({
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @description the id asked, when it has the shape of a rule id */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_rule";
                                        rules: string[];
                                    } | {
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @enum {string} */
                                        reason: "rule_without_period";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @description the value, when it has the shape YYYY-MM-DD */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "not_a_date";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        first: number;
                                        last: number;
                                        /** @enum {string} */
                                        reason: "year_out_of_range";
                                    } | {
                                        country: string;
                                        /** @enum {string} */
                                        field: "region";
                                        /** @description the region asked, when it has the shape of a region code */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_region";
                                        regions: string[];
                                    } | ({
                                        /** @description the event the period runs from */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "from";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "due";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @enum {string} */
                                        reason: "required";
                                    }) | {
                                        /** @enum {string} */
                                        field: "due" | "shift";
                                        /** @enum {string} */
                                        reason: "only_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "not_for_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "no_such_option";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas";
                                        /** @enum {string} */
                                        reason: "extension_unit";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn" | "due";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "before_event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "before_request";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                    } | {
                                        days: number;
                                        /** @description the last day of the period, before any move past non-working days */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "legal_aid_too_late";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    }) | null;
                                } | null;
                                /** @description the short file reference e-mails and calendars use */
                                fileRef: string;
                                /** @description the date the period runs from */
                                from: string | null;
                                initials: string;
                                /** @description stable within the application */
                                key: string;
                                /** @description a hand-entered deadline’s label */
                                label: string | null;
                                manualId: string | null;
                                /** @description incomplete: the date to record */
                                missing: ("servedOn" | "arrivedOn") | null;
                                /**
                                 * @description outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand
                                 * @enum {string}
                                 */
                                origin: "outcome" | "arrival" | "manual";
                                outcome: string | null;
                                procedure: string;
                                /** @description the authority's file number */
                                reference: string | null;
                                result: {
                                    country: string;
                                    /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                                    due: string | null;
                                    /** @description the last day of the period before any move past a non-working day */
                                    endOfPeriod: string | null;
                                    /** @description each step as a sentence, in the language asked (default English) */
                                    explanation: string[];
                                    /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                                    nonWorkingDay: string | null;
                                    /** @description the rule's note, in the language asked */
                                    note: string | null;
                                    region: string;
                                    rule: string;
                                    shifted: boolean;
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /**
                                     * @description suspended: legal aid requested, its decision not yet notified
                                     * @enum {string}
                                     */
                                    status: "due" | "suspended";
                                    /** @description the same steps, structured, for an app to write in its own language */
                                    steps: ({
                                        /** @description the rule's default region was taken: why */
                                        defaultNote: {
                                            en: string;
                                            ru: string;
                                        } | null;
                                        /** @enum {string} */
                                        kind: "holidays";
                                        region: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "urgent";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "period";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "monthEnd";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        extension: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "overseas";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description the same text in English and Russian */
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    } | {
                                        day: number;
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "legalAidRequested";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "suspended";
                                    } | {
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        decided: string;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "legalAidDecided";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the holiday, as the calendar names it; null: a weekend */
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "nonWorking";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "nextWorkingDay";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "workingDay";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        kind: "event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "setByHand";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "keptAsSet";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "due";
                                    })[];
                                    /** @description the rule's title, in the language asked */
                                    title: string;
                                    urgentApplication: boolean;
                                } | null;
                                /** @description the rule id; null: a hand-entered date in a country without a rule */
                                rule: string | null;
                                /** @description the rule's note */
                                ruleNote: {
                                    en: string;
                                    ru: string;
                                } | null;
                                ruleTitle: {
                                    en: string;
                                    ru: string;
                                } | null;
                                /** @description a hand-entered deadline’s order or letter that set it */
                                source: string | null;
                                stage: string | null;
                                /** @enum {string} */
                                status: "due" | "suspended" | "incomplete" | "error";
                                stepId: string | null;
                                urgentApplication: boolean;
                            }[];
                            /** @description the date the overview is for (the installation’s time zone) */
                            today: string;
                            /** @description suspended by legal aid, a date missing, or an input the engine refused */
                            undetermined: {
                                applicationId: string;
                                clientId: string;
                                clientName: string | null;
                                /** @description days from today to the last day (negative: overdue) */
                                daysLeft: number | null;
                                destination: string;
                                /** @description met: the next stage was filed, or the hand-entered deadline marked done */
                                done: boolean;
                                /** @description the last day, YYYY-MM-DD; null while suspended, incomplete or refused */
                                due: string | null;
                                /** @description error: why the engine refused the input */
                                error: {
                                    code: string;
                                    /** @description in English */
                                    message: string;
                                    /** @description the refusal as data, to write in your language (null: another kind of error) */
                                    refusal: ({
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @description the id asked, when it has the shape of a rule id */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_rule";
                                        rules: string[];
                                    } | {
                                        /** @enum {string} */
                                        field: "rule";
                                        /** @enum {string} */
                                        reason: "rule_without_period";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @description the value, when it has the shape YYYY-MM-DD */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "not_a_date";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "from" | "due" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        first: number;
                                        last: number;
                                        /** @enum {string} */
                                        reason: "year_out_of_range";
                                    } | {
                                        country: string;
                                        /** @enum {string} */
                                        field: "region";
                                        /** @description the region asked, when it has the shape of a region code */
                                        given: string | null;
                                        /** @enum {string} */
                                        reason: "unknown_region";
                                        regions: string[];
                                    } | ({
                                        /** @description the event the period runs from */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "from";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "due";
                                        /** @enum {string} */
                                        reason: "required";
                                    } | {
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @enum {string} */
                                        reason: "required";
                                    }) | {
                                        /** @enum {string} */
                                        field: "due" | "shift";
                                        /** @enum {string} */
                                        reason: "only_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "not_for_manual";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas" | "legalAidRequestedOn" | "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "no_such_option";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @enum {string} */
                                        field: "overseas";
                                        /** @enum {string} */
                                        reason: "extension_unit";
                                        /** @description the rule id */
                                        rule: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn" | "due";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "before_event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        field: "legalAidDecidedOn";
                                        /** @enum {string} */
                                        reason: "before_request";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                    } | {
                                        days: number;
                                        /** @description the last day of the period, before any move past non-working days */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        field: "legalAidRequestedOn";
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        reason: "legal_aid_too_late";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    }) | null;
                                } | null;
                                /** @description the short file reference e-mails and calendars use */
                                fileRef: string;
                                /** @description the date the period runs from */
                                from: string | null;
                                initials: string;
                                /** @description stable within the application */
                                key: string;
                                /** @description a hand-entered deadline’s label */
                                label: string | null;
                                manualId: string | null;
                                /** @description incomplete: the date to record */
                                missing: ("servedOn" | "arrivedOn") | null;
                                /**
                                 * @description outcome: a served decision's outcome; arrival: the last arrival; manual: set by hand
                                 * @enum {string}
                                 */
                                origin: "outcome" | "arrival" | "manual";
                                outcome: string | null;
                                procedure: string;
                                /** @description the authority's file number */
                                reference: string | null;
                                result: {
                                    country: string;
                                    /** @description the last day to file, YYYY-MM-DD (null while suspended) */
                                    due: string | null;
                                    /** @description the last day of the period before any move past a non-working day */
                                    endOfPeriod: string | null;
                                    /** @description each step as a sentence, in the language asked (default English) */
                                    explanation: string[];
                                    /** @description a date set by hand that falls on a non-working day, kept as given: why (in the language asked) */
                                    nonWorkingDay: string | null;
                                    /** @description the rule's note, in the language asked */
                                    note: string | null;
                                    region: string;
                                    rule: string;
                                    shifted: boolean;
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /**
                                     * @description suspended: legal aid requested, its decision not yet notified
                                     * @enum {string}
                                     */
                                    status: "due" | "suspended";
                                    /** @description the same steps, structured, for an app to write in its own language */
                                    steps: ({
                                        /** @description the rule's default region was taken: why */
                                        defaultNote: {
                                            en: string;
                                            ru: string;
                                        } | null;
                                        /** @enum {string} */
                                        kind: "holidays";
                                        region: string;
                                    } | {
                                        /** @enum {string} */
                                        kind: "urgent";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "period";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "monthEnd";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        extension: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "overseas";
                                        period: {
                                            amount: number;
                                            /** @enum {string} */
                                            unit: "days" | "weeks" | "months" | "years";
                                        };
                                        /** @description the same text in English and Russian */
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    } | {
                                        day: number;
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @description YYYY-MM-DD */
                                        from: string;
                                        /** @enum {string} */
                                        kind: "legalAidRequested";
                                        /** @description YYYY-MM-DD */
                                        requested: string;
                                        withinDays: number;
                                    } | {
                                        /** @enum {string} */
                                        kind: "suspended";
                                    } | {
                                        daysLeft: number;
                                        /** @description YYYY-MM-DD */
                                        decided: string;
                                        /** @description YYYY-MM-DD */
                                        end: string;
                                        /** @enum {string} */
                                        kind: "legalAidDecided";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the holiday, as the calendar names it; null: a weekend */
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "nonWorking";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "nextWorkingDay";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "workingDay";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @description the same text in English and Russian */
                                        event: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        kind: "event";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "setByHand";
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        holiday: string | null;
                                        /** @enum {string} */
                                        kind: "keptAsSet";
                                        region: string;
                                    } | {
                                        /** @description YYYY-MM-DD */
                                        date: string;
                                        /** @enum {string} */
                                        kind: "due";
                                    })[];
                                    /** @description the rule's title, in the language asked */
                                    title: string;
                                    urgentApplication: boolean;
                                } | null;
                                /** @description the rule id; null: a hand-entered date in a country without a rule */
                                rule: string | null;
                                /** @description the rule's note */
                                ruleNote: {
                                    en: string;
                                    ru: string;
                                } | null;
                                ruleTitle: {
                                    en: string;
                                    ru: string;
                                } | null;
                                /** @description a hand-entered deadline’s order or letter that set it */
                                source: string | null;
                                stage: string | null;
                                /** @enum {string} */
                                status: "due" | "suspended" | "incomplete" | "error";
                                stepId: string | null;
                                urgentApplication: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deadlines/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The deadline rules: period, how it is counted, weekends and public holidays, options, sources */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the same text in English and Russian */
                            authority: {
                                en: string;
                                ru: string;
                            };
                            counting: {
                                sources: {
                                    /** @description in the legal notation of its country, the same in every language */
                                    citation: string;
                                    /** @description the citation in Russian, where it is words rather than a reference */
                                    ru?: string;
                                    url?: string;
                                }[];
                                /** @description the same text in English and Russian */
                                text: {
                                    en: string;
                                    ru: string;
                                };
                            };
                            country: string;
                            /** @description the event the period runs from ("served", "notified", "last arrival") */
                            event: {
                                en: string;
                                ru: string;
                            };
                            holidays: {
                                defaultRegion: string;
                                /** @description the same text in English and Russian */
                                note: {
                                    en: string;
                                    ru: string;
                                };
                                regions: string[];
                            };
                            id: string;
                            /** @enum {string} */
                            kind: "period" | "manual";
                            nonWorkingDays: {
                                /** @enum {string} */
                                shift: "next-working-day" | "on-request";
                                sources: {
                                    /** @description in the legal notation of its country, the same in every language */
                                    citation: string;
                                    /** @description the citation in Russian, where it is words rather than a reference */
                                    ru?: string;
                                    url?: string;
                                }[];
                                /** @description the same text in English and Russian */
                                text: {
                                    en: string;
                                    ru: string;
                                };
                            };
                            /** @description the same text in English and Russian */
                            note?: {
                                en: string;
                                ru: string;
                            };
                            options: {
                                legalAid?: {
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /** @description the same text in English and Russian */
                                    text: {
                                        en: string;
                                        ru: string;
                                    };
                                    withinDays: number;
                                };
                                overseas?: {
                                    extension: {
                                        amount: number;
                                        /** @enum {string} */
                                        unit: "days" | "weeks" | "months" | "years";
                                    };
                                    sources: {
                                        /** @description in the legal notation of its country, the same in every language */
                                        citation: string;
                                        /** @description the citation in Russian, where it is words rather than a reference */
                                        ru?: string;
                                        url?: string;
                                    }[];
                                    /** @description the same text in English and Russian */
                                    text: {
                                        en: string;
                                        ru: string;
                                    };
                                };
                            };
                            period?: {
                                amount: number;
                                /** @enum {string} */
                                unit: "days" | "weeks" | "months" | "years";
                            };
                            sources: {
                                /** @description in the legal notation of its country, the same in every language */
                                citation: string;
                                /** @description the citation in Russian, where it is words rather than a reference */
                                ru?: string;
                                url?: string;
                            }[];
                            /** @description the same text in English and Russian */
                            step: {
                                en: string;
                                ru: string;
                            };
                            /** @description the same text in English and Russian */
                            title: {
                                en: string;
                                ru: string;
                            };
                            urgentApplication: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The knowledge base: facts, offences, exit routes, restrictions, destinations, organisations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            destinations: {
                                country: string;
                                entry: {
                                    facts: string[];
                                    summary: {
                                        en: string;
                                        ru: string;
                                    };
                                };
                                incidents: {
                                    date: string;
                                    facts: string[];
                                    id: string;
                                    /** @enum {string} */
                                    kind: "detention" | "abduction" | "extradition" | "handover" | "deportation" | "refusal_to_extradite" | "release" | "entry_ban" | "killing" | "asylum_refused";
                                    outcome: {
                                        en: string;
                                        ru: string;
                                    };
                                    place: {
                                        en: string;
                                        ru: string;
                                    };
                                    /** @enum {string} */
                                    who: "deserter" | "draft_evader" | "serviceman" | "activist" | "asylum_seeker" | "other";
                                }[];
                                name: {
                                    en: string;
                                    ru: string;
                                };
                                organisations: string[];
                                policy: {
                                    facts: string[];
                                    summary: {
                                        en: string;
                                        ru: string;
                                    };
                                };
                                /** @enum {string} */
                                region: "eu" | "europe_other" | "cis" | "caucasus" | "americas" | "other";
                                rulings: {
                                    case_no: string | null;
                                    court: string;
                                    date: string;
                                    facts: string[];
                                    held: {
                                        en: string;
                                        ru: string;
                                    };
                                    id: string;
                                    not_held?: {
                                        en: string;
                                        ru: string;
                                    };
                                    /** @enum {string} */
                                    outcome: "refugee_status" | "subsidiary_protection" | "refused" | "principle_only";
                                }[];
                                statistics: boolean;
                            }[];
                            disclaimer: {
                                en: string;
                                ru: string;
                            };
                            exit_routes: {
                                destination: string;
                                documents: {
                                    internal_passport: {
                                        /** @enum {string} */
                                        allowed: "yes" | "no" | "conditional";
                                        conditions?: {
                                            en: string;
                                            ru: string;
                                        };
                                        facts: string[];
                                    };
                                    international_passport: {
                                        /** @enum {string} */
                                        allowed: "yes" | "no" | "conditional";
                                        conditions?: {
                                            en: string;
                                            ru: string;
                                        };
                                        facts: string[];
                                    };
                                    none: {
                                        /** @enum {string} */
                                        allowed: "yes" | "no" | "conditional";
                                        conditions?: {
                                            en: string;
                                            ru: string;
                                        };
                                        facts: string[];
                                    };
                                };
                            }[];
                            facts: {
                                check?: string;
                                /** @enum {string} */
                                confidence: "official" | "secondary" | "unverified";
                                conflict?: {
                                    en: string;
                                    ru: string;
                                };
                                date?: string;
                                id: string;
                                sources: {
                                    document?: string;
                                    published?: string;
                                    url?: string;
                                }[];
                                /** @enum {string} */
                                status?: "in_force" | "historical" | "passed_not_confirmed";
                                text: {
                                    en: string;
                                    ru: string;
                                };
                                verified: string;
                            }[];
                            offences: {
                                applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                                article: string;
                                conditions: ("peacetime" | "mobilisation" | "martial_law" | "wartime" | "armed_conflict")[];
                                exemptions: string[];
                                facts: string[];
                                history: string[];
                                id: string;
                                introduced?: {
                                    date: string;
                                    law: string;
                                };
                                part: string | null;
                                penalty: {
                                    max_years: number | null;
                                    min_years: number | null;
                                    summary: {
                                        en: string;
                                        ru: string;
                                    };
                                };
                                title: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            organisations: {
                                based: string;
                                facts: string[];
                                figures: string[];
                                helps: ("desertion" | "draft_evasion" | "leaving_russia" | "asylum" | "legal_defence" | "shelter" | "advocacy" | "documentation")[];
                                id: string;
                                name: {
                                    en: string;
                                    ru: string;
                                };
                                url?: string;
                                what: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            restrictions: {
                                applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                                facts: string[];
                                id: string;
                                summary: {
                                    en: string;
                                    ru: string;
                                };
                                title: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unsourced, stale, conflicting and unconfirmed facts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            conflicts: string[];
                            facts: number;
                            notInForce: string[];
                            ok: boolean;
                            stale: {
                                id: string;
                                verified: string;
                            }[];
                            toConfirm: {
                                check: string;
                                id: string;
                            }[];
                            today: string;
                            unsourced: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance/facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The facts of the knowledge base: text in English and Russian, date, sources, when last verified, confidence
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description language of the text view: en or ru */
                    lang?: "en" | "ru";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            check?: string;
                            /** @enum {string} */
                            confidence: "official" | "secondary" | "unverified";
                            conflict?: {
                                en: string;
                                ru: string;
                            };
                            date?: string;
                            id: string;
                            sources: {
                                document?: string;
                                published?: string;
                                url?: string;
                            }[];
                            /** @enum {string} */
                            status?: "in_force" | "historical" | "passed_not_confirmed";
                            text: {
                                en: string;
                                ru: string;
                            };
                            verified: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance/offences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The offences of the knowledge base and their penalty ranges, each with its facts
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description language of the text view: en or ru */
                    lang?: "en" | "ru";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                            article: string;
                            conditions: ("peacetime" | "mobilisation" | "martial_law" | "wartime" | "armed_conflict")[];
                            exemptions: string[];
                            facts: string[];
                            history: string[];
                            id: string;
                            introduced?: {
                                date: string;
                                law: string;
                            };
                            part: string | null;
                            penalty: {
                                max_years: number | null;
                                min_years: number | null;
                                summary: {
                                    en: string;
                                    ru: string;
                                };
                            };
                            title: {
                                en: string;
                                ru: string;
                            };
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/guidance/route": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Route checker: reachable destinations, risks from dated incidents, protection prospects, evidence, organisations */
        get: {
            parameters: {
                query: {
                    /** @description a criminal case is known to be open (AWOL, deserter) */
                    case?: "1" | "true" | "on";
                    /** @description travel documents held, comma-separated: internal_passport, international_passport, none */
                    documents?: string | string[];
                    /** @description language of the page and the text view (answers in JSON carry both) */
                    lang?: "en" | "ru";
                    /** @description where the person is now (ISO3; default RUS) */
                    location?: string;
                    /** @description destinations to list first (ISO3, comma-separated) */
                    prefer?: string;
                    status: "conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            destinations: {
                                conditions: {
                                    facts: string[];
                                    text: {
                                        en: string;
                                        ru: string;
                                    };
                                }[];
                                country: string;
                                name: {
                                    en: string;
                                    ru: string;
                                };
                                organisations: {
                                    based: string;
                                    facts: string[];
                                    figures: string[];
                                    helps: ("desertion" | "draft_evasion" | "leaving_russia" | "asylum" | "legal_defence" | "shelter" | "advocacy" | "documentation")[];
                                    id: string;
                                    name: {
                                        en: string;
                                        ru: string;
                                    };
                                    url?: string;
                                    what: {
                                        en: string;
                                        ru: string;
                                    };
                                }[];
                                preferred: boolean;
                                protection: {
                                    policy: {
                                        facts: string[];
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    };
                                    rulings: {
                                        case_no: string | null;
                                        court: string;
                                        date: string;
                                        facts: string[];
                                        held: {
                                            en: string;
                                            ru: string;
                                        };
                                        id: string;
                                        not_held?: {
                                            en: string;
                                            ru: string;
                                        };
                                        /** @enum {string} */
                                        outcome: "refugee_status" | "subsidiary_protection" | "refused" | "principle_only";
                                    }[];
                                    statistics: {
                                        definition: string;
                                        method: string;
                                        ratePct: number | null;
                                        release: string;
                                        year: string;
                                    } | null;
                                    statisticsHint: {
                                        facts: string[];
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    } | null;
                                };
                                /** @enum {string} */
                                reachable: "yes" | "conditional" | "no" | "unknown";
                                risk: {
                                    incidents: {
                                        ageMonths: number;
                                        incident: {
                                            date: string;
                                            facts: string[];
                                            id: string;
                                            /** @enum {string} */
                                            kind: "detention" | "abduction" | "extradition" | "handover" | "deportation" | "refusal_to_extradite" | "release" | "entry_ban" | "killing" | "asylum_refused";
                                            outcome: {
                                                en: string;
                                                ru: string;
                                            };
                                            place: {
                                                en: string;
                                                ru: string;
                                            };
                                            /** @enum {string} */
                                            who: "deserter" | "draft_evader" | "serviceman" | "activist" | "asylum_seeker" | "other";
                                        };
                                        weight: number;
                                    }[];
                                    /** @enum {string} */
                                    level: "high" | "elevated" | "low" | "unknown";
                                    score: number;
                                    summary: {
                                        facts: string[];
                                        text: {
                                            en: string;
                                            ru: string;
                                        };
                                    };
                                };
                            }[];
                            disclaimer: {
                                en: string;
                                ru: string;
                            };
                            evidence: {
                                facts: string[];
                                text: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            input: {
                                caseOpen?: boolean;
                                documents: ("internal_passport" | "international_passport" | "none")[];
                                location: string;
                                preferences?: string[];
                                /** @enum {string} */
                                status: "conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian";
                                today: string;
                            };
                            offences: {
                                applies_to: ("conscript" | "contract" | "mobilised" | "reservist_summoned" | "awol" | "deserter" | "civilian")[];
                                article: string;
                                conditions: ("peacetime" | "mobilisation" | "martial_law" | "wartime" | "armed_conflict")[];
                                exemptions: string[];
                                facts: string[];
                                history: string[];
                                id: string;
                                introduced?: {
                                    date: string;
                                    law: string;
                                };
                                part: string | null;
                                penalty: {
                                    max_years: number | null;
                                    min_years: number | null;
                                    summary: {
                                        en: string;
                                        ru: string;
                                    };
                                };
                                title: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            organisations: {
                                based: string;
                                facts: string[];
                                figures: string[];
                                helps: ("desertion" | "draft_evasion" | "leaving_russia" | "asylum" | "legal_defence" | "shelter" | "advocacy" | "documentation")[];
                                id: string;
                                name: {
                                    en: string;
                                    ru: string;
                                };
                                url?: string;
                                what: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            situation: {
                                facts: string[];
                                text: {
                                    en: string;
                                    ru: string;
                                };
                            }[];
                            staleFacts: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/captchas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending captchas with their images (PNG, base64) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            captcha_id: string;
                            court_vnkod: string | null;
                            created_at: string;
                            host: string;
                            id: number;
                            /** @description the image, PNG as base64 */
                            png: string | null;
                            /** @description the image drawn in text ('#' dark), where it can be */
                            preview: string | null;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/captchas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a captcha; the host resumes with it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the captcha's number in the queue */
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the digits shown */
                        answer: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answered: number;
                            host: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/crawl": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Plan a crawl: courts × articles × months (the workers run it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description criminal-code articles
                         * @default [
                         *       "337",
                         *       "338",
                         *       "332",
                         *       "339",
                         *       "352.1"
                         *     ]
                         */
                        articles?: string[];
                        /**
                         * @description the date the windows run over
                         * @default receipt
                         * @enum {string}
                         */
                        axis?: "receipt" | "decision" | "publication" | "validity";
                        /** @description court codes (default: every current garrison court) */
                        courts?: string[];
                        /**
                         * Format: date
                         * @description first receipt date
                         * @default 2022-09-01
                         */
                        from?: string;
                        /** @description only the first N of those courts */
                        limit?: number;
                        /**
                         * @description queue again the list windows of the last N months already crawled, and their open cases (0: none)
                         * @default 0
                         */
                        recent?: number;
                        /**
                         * Format: date
                         * @description last receipt date (default: today, in UTC, when the plan is made)
                         */
                        to?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            articles: number;
                            /** @description courts planned */
                            courts: number;
                            /** @description new list jobs */
                            created: number;
                            from: string;
                            /** @description list windows and open cases queued again */
                            refreshed: number;
                            to: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/crawl/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per court: jobs done and pending, last success, back-off, block reason, captcha needed, counters vs rows read
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            backoff_reason: string | null;
                            backoff_until: string | null;
                            blocked_reason: string | null;
                            captcha_needed: boolean;
                            court_vnkod: string | null;
                            done: number;
                            /** @description rows the first list pages announced */
                            expected_rows: number | null;
                            failed: number;
                            host: string;
                            last_error: string | null;
                            last_success_at: string | null;
                            pending: number;
                            /** @description rows read from the list pages */
                            rows_found: number | null;
                            running: number;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/stats/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a statistics file (any supported format, gzip allowed); same content again is a no-op
         * @description The file is the request body (gzip allowed); the query string names it (filename) and its release.
         */
        post: {
            parameters: {
                query: {
                    /** @description Eurostat dataset code when neither the file nor its name says it */
                    dataset?: string;
                    filename: string;
                    /** @description the licence the file was published under */
                    licence?: string;
                    /** @description release label, e.g. "R package 2025.12.1" */
                    release?: string;
                    /** @description where the file was published */
                    url?: string;
                    /** @description release date YYYY-MM-DD, when the file does not state one */
                    vintage?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the file, as bytes */
            requestBody: {
                content: {
                    "application/gzip": string;
                    "application/octet-stream": string;
                    "text/csv": string;
                    "text/tab-separated-values": string;
                };
            };
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataset: string;
                            /** @description the file as named by the caller (an upload: its file name) */
                            file: string;
                            footnotes: number;
                            format: string;
                            observations: number;
                            release: string;
                            releaseId: number;
                            sha256: string;
                            /** @enum {string} */
                            source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            /** @enum {string} */
                            status: "imported" | "unchanged";
                            vintage: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/stats/import-release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import an anonymised legal-aid statistics release (its sha256 and tables checked) as the source legal_aid; the same release again is a no-op
         * @description An anonymised legal-aid statistics release (JSON, made by otkaz stats release) is the request body; the query string may name it (filename).
         */
        post: {
            parameters: {
                query: {
                    filename: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the file, as bytes */
            requestBody: {
                content: {
                    "application/gzip": string;
                    "application/octet-stream": string;
                    "text/csv": string;
                    "text/tab-separated-values": string;
                };
            };
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataset: string;
                            /** @description the file as named by the caller (an upload: its file name) */
                            file: string;
                            footnotes: number;
                            format: string;
                            observations: number;
                            release: string;
                            releaseId: number;
                            sha256: string;
                            /** @enum {string} */
                            source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            /** @enum {string} */
                            status: "imported" | "unchanged";
                            vintage: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/watch/classify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the latest answers of the watched cards and lists: removals from the court site and restorations */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description watched cases: case ids, comma-separated */
                        case?: string;
                        /** @description watched courts: court codes (vnkod), comma-separated */
                        court?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description cases whose latest card or list answers were read */
                            checked: number;
                            /** @description cases whose latest answer says neither (throttle, error…) */
                            inconclusive: number;
                            /** @description cases whose latest answer shows them on the site */
                            present: number;
                            /** @description new removals */
                            removed: number;
                            /** @description removed cases served again */
                            restored: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/operations/watch/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Queue the due visits of known case cards (and their courts’ result lists) for the crawl workers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description watched cases: case ids, comma-separated */
                        case?: string;
                        /** @description watched courts: court codes (vnkod), comma-separated */
                        court?: string;
                        /**
                         * @description days since the last visit after which a card (or list) is visited again; 0: now
                         * @default 7
                         */
                        every?: number;
                        /**
                         * @description also the watched courts' result lists (a case gone from its list)
                         * @default true
                         * @enum {string}
                         */
                        lists?: "true" | "false";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description case cards queued */
                            cards: number;
                            /** @description result-list pages queued again */
                            lists: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation's audit log, newest first: who did what to which record, when, from where, the outcome (never a field's value)
         * @description The signed-in admin's organisation only (naming another is refused); the read is itself recorded (audit.read).
         */
        get: {
            parameters: {
                query?: {
                    /** @description only this action */
                    action?: string;
                    /** @description only entries older than this seq (the `next` of the page before) */
                    before?: number;
                    /** @description how many, newest first */
                    limit?: number;
                    /** @description the organisation, by slug or id (a member: their own only) */
                    org?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chain: string;
                            entries: {
                                action: string;
                                /** @description the member's user id; null for the command line and the installation */
                                actor_id: string | null;
                                actor_kind: string;
                                at: string;
                                ip: string | null;
                                /** @enum {string} */
                                outcome: "ok" | "refused" | "failed";
                                resource_id: string | null;
                                resource_type: string | null;
                                seq: number;
                            }[];
                            /** @description the `before` of the next (older) page; null: none */
                            next: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the audit chains: a changed, removed, inserted or reordered entry is found (exit status 4 when a chain is broken)
         * @description Recomputes the signed-in admin's organisation's chain; 200 with ok: false when it is broken.
         */
        get: {
            parameters: {
                query?: {
                    /** @description the organisation, by slug or id (a member: their own only) */
                    org?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            chains: {
                                /** @description 'org:<id>' or 'system' (the installation's) */
                                chain: string;
                                entries: number;
                                ok: boolean;
                                org_id: string | null;
                                /** @description null: the installation’s chain, or an organisation no longer there */
                                org_slug: string | null;
                                problem: {
                                    /** @enum {string} */
                                    kind: "missing" | "link" | "mac" | "key" | "truncated" | "beyond_head" | "head" | "headless";
                                    reason: string;
                                    /** @description the first entry that does not verify (for a chain cut short: the first missing) */
                                    seq: number;
                                } | null;
                            }[];
                            /** @description every chain verifies */
                            ok: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of your organisation a client file can be shared with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            members: {
                                email: string;
                                id: string;
                                /** @enum {string} */
                                role: "org_admin" | "lawyer" | "caseworker" | "volunteer" | "statistics";
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sign-in settings of the caller’s organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            requirePasskeyForAdmins: boolean;
                            requireTotp: boolean;
                            /** @description clients are counted in anonymised statistics releases (docs/disclosure.md) */
                            shareStatistics: boolean;
                            slug: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Change the sign-in settings of the caller’s organisation, and whether it shares anonymised statistics (sign-in: at each member’s next request) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description administrators must sign in with a passkey */
                        requirePasskeyForAdmins?: boolean;
                        /** @description members must give a TOTP code at sign-in */
                        requireTotp?: boolean;
                        /** @description count the organisation's clients in anonymised statistics releases (k-suppressed, pooled with the other sharing organisations; docs/disclosure.md) */
                        shareStatistics?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            requirePasskeyForAdmins: boolean;
                            requireTotp: boolean;
                            /** @description clients are counted in anonymised statistics releases (docs/disclosure.md) */
                            shareStatistics: boolean;
                            slug: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The members of an organisation (an administrator’s own) */
        get: {
            parameters: {
                query?: {
                    /** @description the organisation (slug or id); a member’s own by default */
                    org?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                id: string;
                                mustChangePassword: boolean;
                                role: string;
                                totpEnrolled: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a member account with a one-time password (shown once; changed at first sign-in)
         * @description The answer holds the one-time password: the only time it is shown.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the member’s e-mail address (their sign-in name) */
                        email: string;
                        /** @description the organisation (slug or id); a member’s own by default */
                        org?: string;
                        /**
                         * @description one of org_admin, lawyer, caseworker, volunteer, statistics
                         * @enum {string}
                         */
                        role: "org_admin" | "lawyer" | "caseworker" | "volunteer" | "statistics";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description shown once: give it to the member; their first sign-in must change it */
                            oneTimePassword: string;
                            org: {
                                id: string;
                                name: string;
                                requirePasskeyForAdmins: boolean;
                                requireTotp: boolean;
                                /** @description clients are counted in anonymised statistics releases (docs/disclosure.md) */
                                shareStatistics: boolean;
                                slug: string;
                            };
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                id: string;
                                mustChangePassword: boolean;
                                role: string;
                                totpEnrolled: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a member account of the organisation (ends all its sessions) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the account: its id or e-mail */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the organisation (slug or id); a member’s own by default */
                        org?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            disabled: boolean;
                            email: string;
                            id: string;
                            mustChangePassword: boolean;
                            role: string;
                            totpEnrolled: boolean;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/org/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a member a new one-time password (shown once); every session of the account ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description the account: its id or e-mail */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the organisation (slug or id); a member’s own by default */
                        org?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description shown once: give it to the member; their first sign-in must change it */
                            oneTimePassword: string;
                            org: {
                                id: string;
                                name: string;
                                requirePasskeyForAdmins: boolean;
                                requireTotp: boolean;
                                /** @description clients are counted in anonymised statistics releases (docs/disclosure.md) */
                                shareStatistics: boolean;
                                slug: string;
                            };
                            user: {
                                createdAt: string;
                                disabled: boolean;
                                email: string;
                                id: string;
                                mustChangePassword: boolean;
                                role: string;
                                totpEnrolled: boolean;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asylum procedures per destination: stages, authorities, outcomes, the deadline rules each outcome starts, sources */
        get: {
            parameters: {
                query?: {
                    /** @description one destination, e.g. DE */
                    country?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            countries: {
                                caveat?: {
                                    en: string;
                                    ru: string;
                                };
                                checkedOn: string;
                                country: string;
                                name: {
                                    en: string;
                                    ru: string;
                                };
                                procedures: {
                                    id: string;
                                    name: {
                                        en: string;
                                        ru: string;
                                    };
                                    note?: {
                                        en: string;
                                        ru: string;
                                    };
                                    stages: {
                                        authority: {
                                            en: string;
                                            ru: string;
                                        };
                                        id: string;
                                        kind: string;
                                        name: {
                                            en: string;
                                            ru: string;
                                        };
                                        outcomes: {
                                            deadlineRules: string[];
                                            id: string;
                                            label: {
                                                en: string;
                                                ru: string;
                                            };
                                            next: string[];
                                            note?: {
                                                en: string;
                                                ru: string;
                                            };
                                            protection: boolean;
                                        }[];
                                        sources: {
                                            citation: string;
                                            title?: string;
                                            url?: string;
                                        }[];
                                        startRules: {
                                            from: string;
                                            rule: string;
                                        }[];
                                    }[];
                                }[];
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Referrals your organisation sent and received */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            referrals: {
                                clientId: string | null;
                                /** @enum {string} */
                                direction: "sent" | "received";
                                id: string;
                                organisation: string;
                                referredAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One quantity under every definition and source (fiscal vs calendar year, EU aggregate vs members, Eurostat vs UNHCR) */
        get: {
            parameters: {
                query: {
                    /** @description as published on this date (YYYY-MM-DD) */
                    asOf?: string;
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description destination (one) */
                    dest?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description applications, decisions, encounters, recognition_rate… */
                    indicator?: "recognition_rate";
                    /** @description procedure stages, comma-separated */
                    level?: string;
                    /** @description omitted: every definition */
                    measure?: string;
                    /** @description citizenship / country of origin */
                    origin?: string;
                    /** @description 2022, FY2023, 2022-Q1, 2022-03, or months 2021-10..2022-01 */
                    period: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            basis: "year" | "fiscal_year" | "quarter" | "month" | "rate";
                            complete: boolean;
                            definition: string;
                            destination: string;
                            flags: string;
                            label: string;
                            levels: string;
                            measure: string;
                            months: number | null;
                            period: string;
                            query?: {
                                destination: string;
                                id: number;
                                params: unknown[];
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                sql: string;
                            };
                            releases: {
                                dataset: string;
                                file: string;
                                id: number;
                                release: string;
                                sha256: string;
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                synthetic: boolean;
                                vintage: string;
                            }[];
                            /** @enum {string} */
                            source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            unit: string;
                            value: number | null;
                            variant?: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/legal-aid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest anonymised legal-aid statistics release imported: its tables (withheld cells marked) and provenance; null when none */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            release: {
                                file: string;
                                generatedAt: string;
                                importedAt: string;
                                /** @description sha256 of the file imported */
                                importedSha256: string;
                                k: number;
                                method: string;
                                methodVersion: string;
                                organisations: {
                                    name: string;
                                    slug: string;
                                }[];
                                period: {
                                    from: string;
                                    to: string;
                                };
                                population: string;
                                protection: number;
                                releaseId: number;
                                /** @description the release's own sha256 (of its canonical content), as made */
                                sha256: string;
                                synthetic: boolean;
                                tables: {
                                    cells: {
                                        value: number | null;
                                        withheld: boolean;
                                    }[][];
                                    columns: string[];
                                    id: string;
                                    rowDimension: string;
                                    rows: string[];
                                    title: string;
                                    year: string;
                                }[];
                                vintage: string;
                                withheld: number;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/prosecutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prosecution counts by month, year, article, part, court, district, outcome, sentence — with the method
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description criminal-code articles (default 337, 338, 332, 339, 352.1) */
                    articles?: string;
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description comma-separated: year, month, article, part, court, district, outcome, sentence */
                    by?: string;
                    /** @description which date places a case in a period */
                    date?: "receipt" | "decision";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description first day (YYYY-MM-DD, or a month YYYY-MM: its first day) */
                    from?: string;
                    /** @description true: add the previous period and the growth in % */
                    growth?: "true" | "false";
                    /** @description SYNTHETIC demo cases: include, exclude or only */
                    synthetic?: "include" | "exclude" | "only";
                    /** @description last day (YYYY-MM-DD, or a month YYYY-MM: its last day) */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            method: string;
                            /** @description when one case may appear in several rows: the dimensions that do it, and the distinct cases by the others */
                            overlap: {
                                by: ("year" | "month" | "article" | "part" | "court" | "district" | "outcome" | "sentence")[];
                                dimensions: ("year" | "month" | "article" | "part" | "court" | "district" | "outcome" | "sentence")[];
                                note: string;
                                rows: {
                                    article?: string | null;
                                    cases: number;
                                    court?: string | null;
                                    defendants: number;
                                    district?: string | null;
                                    /** @description with growth=true */
                                    growth_pct?: number | null;
                                    month?: string | null;
                                    outcome?: string | null;
                                    part?: string | null;
                                    /** @description with growth=true */
                                    previous_cases?: number | null;
                                    /** @description of those cases, how many the deletion watch found gone from the court site */
                                    removed: number;
                                    sentence?: string | null;
                                    synthetic: boolean;
                                    year?: string | null;
                                }[];
                            } | null;
                            query: {
                                articles: string[];
                                by: ("year" | "month" | "article" | "part" | "court" | "district" | "outcome" | "sentence")[];
                                /** @enum {string} */
                                dateBasis: "receipt" | "decision";
                                from: string | null;
                                growth: boolean;
                                /** @enum {string} */
                                synthetic: "include" | "exclude" | "only";
                                to: string | null;
                            };
                            rows: {
                                article?: string | null;
                                cases: number;
                                court?: string | null;
                                defendants: number;
                                district?: string | null;
                                /** @description with growth=true */
                                growth_pct?: number | null;
                                month?: string | null;
                                outcome?: string | null;
                                part?: string | null;
                                /** @description with growth=true */
                                previous_cases?: number | null;
                                /** @description of those cases, how many the deletion watch found gone from the court site */
                                removed: number;
                                sentence?: string | null;
                                synthetic: boolean;
                                year?: string | null;
                            }[];
                            /** @description distinct cases and defendants, each counted once */
                            totals: {
                                cases: number;
                                defendants: number;
                                removedCases: number;
                                syntheticCases: number;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recognition rates, each with its formula (UNHCR refugee / total, with and without closed cases; Eurostat positive ÷ total) */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description destinations (comma-separated) */
                    dest?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description first year */
                    from?: string;
                    /** @description procedure stages to include (default: all, labelled) */
                    level?: string;
                    /** @description citizenship / country of origin */
                    origin?: string;
                    /** @description last year */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            components: {
                                [key: string]: number | null;
                            };
                            definition: string;
                            denominator: number;
                            destination: string;
                            levels: string;
                            /** @enum {string} */
                            method: "unhcr_refugee" | "unhcr_total" | "unhcr_total_incl_closed" | "eurostat_positive";
                            numerator: number;
                            period: string;
                            ratePct: number | null;
                            releases: {
                                dataset: string;
                                file: string;
                                id: number;
                                release: string;
                                sha256: string;
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                synthetic: boolean;
                                vintage: string;
                            }[];
                            /** @enum {string} */
                            source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            unit: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Imported releases: source, dataset, vintage, sha256, superseded by */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dataset: string;
                            file: string;
                            format: string;
                            id: number;
                            imported_at: string;
                            licence: string | null;
                            meta: {
                                [key: string]: unknown;
                            };
                            observations: number;
                            release: string;
                            sha256: string;
                            /** @enum {string} */
                            source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            superseded_by: number | null;
                            synthetic: boolean;
                            url: string | null;
                            vintage: string;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An asylum or border series from every source, each value with its releases and the exact query
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description Eurostat age band */
                    age?: string;
                    /** @description as published on this date (YYYY-MM-DD): later releases ignored */
                    asOf?: string;
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description destinations: ISO3 / alpha-2 codes, EU27, WORLD (comma-separated) */
                    dest?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description first period (2019, FY2022, 2022-Q1, 2022-03) */
                    from?: string;
                    /** @description add the previous period and the growth in % */
                    growth?: boolean | ("true" | "false");
                    /** @description the quantity (applications, decisions, encounters, refugees…) */
                    indicator?: string;
                    /** @description procedure stages (UNHCR FI, AR, EO, IN…; Eurostat FI, FINAL), comma-separated */
                    level?: string;
                    /** @description e.g. all, first_time, subsequent, new, repeat (applications); total, positive, rejected… (decisions) */
                    measure?: string;
                    /** @description citizenship / country of origin */
                    origin?: string;
                    /** @description year, fiscal_year, quarter or month */
                    period?: "year" | "fiscal_year" | "quarter" | "month";
                    /** @description Eurostat sex (T, F, M) */
                    sex?: string;
                    /** @description only these sources (comma-separated) */
                    source?: string;
                    /** @description last period */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition: string;
                            notes: {
                                destination: string;
                                note: string;
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                            }[];
                            queries: {
                                destination: string;
                                id: number;
                                params: unknown[];
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                sql: string;
                            }[];
                            query: {
                                destinations: string[];
                                indicator: string;
                                measure: string;
                                origin: string;
                                /** @enum {string} */
                                period: "year" | "fiscal_year" | "quarter" | "month";
                            } & {
                                [key: string]: unknown;
                            };
                            rows: {
                                /** @enum {string} */
                                basis: "year" | "fiscal_year" | "quarter" | "month";
                                complete: boolean;
                                dataset: string;
                                definition: string;
                                destination: string;
                                flags: string;
                                growthPct?: number | null;
                                indicator: string;
                                levels: string;
                                measure: string;
                                months: number | null;
                                observations: number;
                                origin: string;
                                period: string;
                                previous?: number | null;
                                /** @description index into queries: the statement that produced this value */
                                queryId: number;
                                releases: {
                                    dataset: string;
                                    file: string;
                                    id: number;
                                    release: string;
                                    sha256: string;
                                    /** @enum {string} */
                                    source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                    synthetic: boolean;
                                    vintage: string;
                                }[];
                                /** @enum {string} */
                                source: "unhcr" | "eurostat" | "cbp" | "legal_aid";
                                unit: string;
                                value: number | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/watch/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Removals from court sites, restorations and card changes of the watched courts or cases, newest first
         * @description CSV with format=csv
         */
        get: {
            parameters: {
                query?: {
                    /** @description with format=csv: start the file with a UTF-8 byte-order mark (for Excel) */
                    bom?: "true" | "false";
                    /** @description watched cases: case ids, comma-separated */
                    case?: string;
                    /** @description watched courts: court codes (vnkod), comma-separated */
                    court?: string;
                    /** @description csv: the same rows as the CLI's --csv */
                    format?: "json" | "csv";
                    /** @description only these kinds, comma-separated: removed, restored, changed */
                    kind?: string;
                    limit?: number;
                    /** @description only events observed on or after this day */
                    since?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description when the court site gave the answer */
                            at: string;
                            /** @description the answer: the not-found page or 404, the card served again, the changed card */
                            capture: {
                                id: number;
                                retrieved_at: string | null;
                                sha256: string;
                            };
                            case_id: number;
                            case_number: string | null;
                            court_name: string | null;
                            court_vnkod: string;
                            /** @description removed/restored: what showed it (HTTP 404, the site's "no data" page, gone from its list, served again) */
                            evidence: ("http_404" | "not_found_page" | "absent_from_list" | "card_served" | "listed") | null;
                            /** @description changed: the names of the fields that changed (the values are in the case history) */
                            fields: string[];
                            /** @description stable: w<n> for a removal or restoration, h<n> for a change */
                            key: string;
                            /** @enum {string} */
                            kind: "removed" | "restored" | "changed";
                            /** @description removed: the last capture that still showed the card */
                            last_capture: {
                                id: number;
                                retrieved_at: string | null;
                                sha256: string;
                            } | null;
                            /** @description the event in one sentence (English) */
                            summary: string;
                            /** @description the event in one sentence (Russian) */
                            summary_ru: string;
                            synthetic: boolean;
                        }[];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/watch/feed.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Atom 1.0 feed of removals from court sites, restorations and card changes of the watched courts or cases */
        get: {
            parameters: {
                query?: {
                    /** @description watched cases: case ids, comma-separated */
                    case?: string;
                    /** @description watched courts: court codes (vnkod), comma-separated */
                    court?: string;
                    /** @description the language of titles and summaries */
                    lang?: "en" | "ru";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description refused: problem+json with a stable code */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description failed: problem+json with a stable code */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": {
                            /** @description stable error code, e.g. api.validation, input.not_found */
                            code: string;
                            detail?: string;
                            /** @description the refused field, as the API spells it */
                            field?: string;
                            /** @description the route's pattern, never the URL asked */
                            instance?: string;
                            /** @description api.validation: each refused value as data (code and parameters), to word in any language */
                            issues?: {
                                /** @description zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom, … */
                                code: string;
                                divisor?: number;
                                exact?: boolean;
                                expected?: string;
                                /** @description invalid_format: date, email, regex, … */
                                format?: string;
                                /** @description body, querystring, params or headers */
                                in: string;
                                inclusive?: boolean;
                                /** @description unrecognized_keys */
                                keys?: string[];
                                maximum?: number | string;
                                /** @description the reason in English, as in detail */
                                message: string;
                                minimum?: number | string;
                                /** @description the value was not sent */
                                missing?: boolean;
                                /** @description too_small/too_big: string (characters), array (items), number, … */
                                origin?: string;
                                /** @description the path of the refused value inside it */
                                path: (string | number)[];
                                /** @description custom: the project's own check (src/shared/validation.ts), e.g. calendar_date */
                                reason?: string;
                                /** @description invalid_value: the accepted values */
                                values?: (string | number | boolean | null)[];
                            }[];
                            /** @description why, as a stable word: a case-file refusal (casework.no_procedure, casework.no_case, …; src/casework/refusal.ts) or a deadline refusal */
                            reason?: string;
                            status: number;
                            title: string;
                            type: string;
                            /** @description a case-file refusal's values for its sentence (model ids, dates, counts; never personal) */
                            values?: {
                                [key: string]: string | number;
                            };
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Atom 1.0 feed of removals from court sites, restorations and card changes of the watched courts or cases */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/atom+xml": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health: the storage engine, and whether the bundled statistics are still loading after a first start */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            engine: "pglite" | "postgres";
                            /** @enum {boolean} */
                            ok: true;
                            /**
                             * @description the bundled statistics: loading in the background after a first start, ready, or failed to load
                             * @enum {string}
                             */
                            statistics: "loading" | "ready" | "failed";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
