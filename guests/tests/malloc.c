/* malloc/calloc/realloc/free of many sizes (mallocng: brk, then mmap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

static unsigned rnd_state = 12345;
static unsigned rnd(void) { rnd_state = rnd_state * 1103515245 + 12345; return rnd_state >> 8; }

int main(void)
{
	enum { N = 4000 };
	static unsigned char *p[N];
	static size_t sz[N];
	unsigned long sum = 0, bad = 0;
	for (int round = 0; round < 6; round++) {
		for (int i = 0; i < N; i++) {
			size_t s;
			switch (rnd() % 8) {
			/* never 0: realloc(p, 0) differs between libcs */
			case 0: s = 1 + rnd() % 16; break;
			case 1: s = 1 + rnd() % 256; break;
			case 2: s = 1 + rnd() % 4096; break;
			case 3: s = 4096 + rnd() % 65536; break;
			case 4: s = (rnd() % 8 == 0) ? 1 + rnd() % (4 << 20) : 1 + rnd() % 1024; break;
			default: s = 1 + rnd() % 100; break;
			}
			if (p[i]) {
				for (size_t k = 0; k < sz[i]; k++) if (p[i][k] != (unsigned char)(i + k)) { bad++; break; }
				if (rnd() % 2) { free(p[i]); p[i] = 0; }
			}
			if (!p[i]) {
				p[i] = (rnd() % 4) ? malloc(s) : calloc(1, s);
				if (!p[i] && s) { printf("alloc %zu failed\n", s); return 1; }
			} else {
				unsigned char *q = realloc(p[i], s);
				if (!q && s) { printf("realloc %zu failed\n", s); return 1; }
				size_t keep = sz[i] < s ? sz[i] : s;
				for (size_t k = 0; k < keep; k++) if (q[k] != (unsigned char)(i + k)) { bad++; break; }
				p[i] = q;
			}
			sz[i] = s;
			for (size_t k = 0; k < s; k++) p[i][k] = (unsigned char)(i + k);
			sum += s;
		}
	}
	for (int i = 0; i < N; i++) free(p[i]);
	/* big blocks straight from mmap, freed and reused */
	for (int i = 0; i < 20; i++) {
		size_t s = (size_t)(i + 1) << 20;
		char *b = malloc(s);
		if (!b) { printf("big %zu failed\n", s); return 1; }
		memset(b, i, s);
		if (b[s - 1] != i) bad++;
		free(b);
	}
	void *al = aligned_alloc(4096, 10000);
	printf("aligned %d\n", al && ((uintptr_t)al % 4096) == 0);
	free(al);
	char *d = strdup("duplicated string");
	printf("strdup [%s]\n", d);
	free(d);
	printf("total requested %lu bytes, corrupted blocks %lu\n", sum, bad);
	return bad != 0;
}
