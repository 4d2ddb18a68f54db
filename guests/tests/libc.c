/* A sample of libc beyond I/O: strings, conversions, qsort/bsearch, math
 * (printed with 10 significant digits), regex, fnmatch, getopt, stdin lines. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <math.h>
#include <regex.h>
#include <fnmatch.h>
#include <unistd.h>
#include <getopt.h>
#include <errno.h>
#include <limits.h>

static int cmpint(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }

int main(int argc, char **argv)
{
	char s[] = "alpha,beta;;gamma delta";
	for (char *save, *t = strtok_r(s, ",; ", &save); t; t = strtok_r(0, ",; ", &save)) printf("[%s]", t);
	printf("\n");
	printf("strstr %s | strcasecmp %d | strspn %zu | memmem %s\n", strstr("haystack needle", "need"),
	       strcasecmp("HeLLo", "hello") == 0, strspn("aaabbc", "ab"), (char *)memmem("xxabcxx", 7, "abc", 3));
	printf("strtol %ld %ld %lu errno-range %d\n", strtol("  -1234xyz", 0, 10), strtol("0x1F", 0, 0), strtoul("777", 0, 8),
	       (strtol("99999999999999999999", 0, 10), errno == ERANGE));
	printf("strtod %.17g %.17g %g %g\n", strtod("3.141592653589793", 0), strtod("1e-310", 0), strtod("inf", 0), atof("0x1p-3"));
	printf("strtoll %lld strtoull %llu\n", strtoll("-9223372036854775808", 0, 10), strtoull("18446744073709551615", 0, 10));
	printf("toupper %c isalpha %d isdigit %d isspace %d\n", toupper('q'), !!isalpha('Z'), !!isdigit('5'), !!isspace('\t'));

	int v[50];
	for (int i = 0; i < 50; i++) v[i] = (i * 7919) % 101 - 50;
	qsort(v, 50, sizeof v[0], cmpint);
	int key = v[17];
	int *f = bsearch(&key, v, 50, sizeof v[0], cmpint);
	printf("qsort first %d last %d median %d bsearch found %d\n", v[0], v[49], v[25], f && *f == key);

	printf("math %.10g %.10g %.10g %.10g %.10g\n", sqrt(2.0), pow(2.0, 0.5), exp(1.0), log(10.0), fmod(10.5, 3.0));
	printf("trig %.10g %.10g %.10g %.10g\n", sin(1.0), cos(1.0), tan(0.5), atan2(1.0, -1.0));
	printf("round %g %g %g %g %ld %ld %lld\n", floor(-2.5), ceil(-2.5), round(2.5), trunc(-2.7), lround(-3.5 * argc), lrint(2.5 * argc), llround(-7.5 * argc));
	printf("special %g %g %d %d\n", 1.0 / 0.0, -sqrt(-1.0) * 0 + NAN, isnan(NAN), !!isinf(-INFINITY));
	printf("float %.6g %.6g ldouble %.15Lg\n", sqrtf(3.0f), powf(2.0f, 10.0f), sqrtl(2.0L));

	regex_t re;
	regmatch_t m[3];
	regcomp(&re, "([a-z]+)@([a-z]+)\\.com", REG_EXTENDED);
	const char *text = "mail bob@example.com now";
	if (regexec(&re, text, 3, m, 0) == 0)
		printf("regex user=%.*s host=%.*s\n", (int)(m[1].rm_eo - m[1].rm_so), text + m[1].rm_so,
		       (int)(m[2].rm_eo - m[2].rm_so), text + m[2].rm_so);
	regfree(&re);
	printf("fnmatch %d %d %d\n", fnmatch("*.c", "main.c", 0), fnmatch("a?c", "abc", 0) == 0, fnmatch("[!x]*", "xyz", 0) == FNM_NOMATCH);

	char *gargv[] = { "prog", "-v", "-n", "42", "--long=x", "rest", 0 };
	struct option lo[] = { { "long", required_argument, 0, 'L' }, { 0 } };
	int c, n = 0;
	optind = 1;
	while ((c = getopt_long(6, gargv, "vn:", lo, 0)) != -1) {
		if (c == 'n') n = atoi(optarg);
		printf("opt %c%s%s ", c, optarg ? "=" : "", optarg ? optarg : "");
	}
	printf("n=%d rest=%s\n", n, gargv[optind]);

	char line[256];
	int lines = 0;
	size_t bytes = 0;
	while (fgets(line, sizeof line, stdin)) { lines++; bytes += strlen(line); }
	printf("stdin %d lines %zu bytes\n", lines, bytes);
	return 0;
}
