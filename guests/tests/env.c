/* getenv/setenv/unsetenv/environ and argv (argv[0] differs between the runs
 * and is not printed). run.sh gives both runs FOO=bar and WALI_TEST=1 only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp(const void *a, const void *b) { return strcmp(*(char **)a, *(char **)b); }

int main(int argc, char **argv)
{
	printf("argc %d\n", argc);
	for (int i = 2; i < argc; i++) printf("argv[%d] = [%s]\n", i, argv[i]);
	printf("argv[argc] is NULL: %d\n", argv[argc] == NULL);
	printf("FOO=%s\n", getenv("FOO") ? getenv("FOO") : "(unset)");
	printf("MISSING=%s\n", getenv("MISSING") ? getenv("MISSING") : "(unset)");
	int n = 0;
	for (char **e = environ; *e; e++) n++;
	char **copy = malloc((n + 1) * sizeof *copy);
	for (int i = 0; i < n; i++) copy[i] = environ[i];
	qsort(copy, n, sizeof *copy, cmp);
	printf("environ has %d entries:", n);
	for (int i = 0; i < n; i++) printf(" %s", copy[i]);
	printf("\n");
	setenv("NEW", "value", 1);
	setenv("FOO", "baz", 0);
	printf("NEW=%s FOO=%s\n", getenv("NEW"), getenv("FOO"));
	setenv("FOO", "baz", 1);
	unsetenv("WALI_TEST");
	printf("FOO=%s WALI_TEST=%s\n", getenv("FOO"), getenv("WALI_TEST") ? "set" : "(unset)");
	return 0;
}
