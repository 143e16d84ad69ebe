// server-only is a Next.js build guard; under Vitest there is no client bundle to guard.
