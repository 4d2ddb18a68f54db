/* printf formats and stdout flushed by exit() at the end of main. */
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>
#include <string.h>
#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

int main(void)
{
	printf("hello, world\n");
	printf("int %d %i %u %x %X %o %5d|%-5d|%05d\n", -42, 42, 42u, 255, 255, 8, 7, 7, 7);
	printf("long %ld %lu %lld %llu\n", -1234567890123L, ULONG_MAX, LLONG_MIN, ULLONG_MAX);
	printf("size %zu %zd ptrdiff %td intmax %jd %" PRId64 " %" PRIu32 "\n",
	       sizeof(long), (ssize_t)-1, (ptrdiff_t)-5, (intmax_t)INT64_MAX, (int64_t)-7, (uint32_t)UINT32_MAX);
	printf("double %f %.3f %e %g %g %a\n", 3.14159265358979, 2.0/3, 1e-300, 1e100, 0.0001, 1.0);
	printf("long double %Lf %.10Lg\n", (long double)1/3, (long double)2/7);
	printf("str [%s] [%10s] [%-10s] [%.3s] char %c pct %%\n", "abc", "right", "left", "truncate", 'z');
	char buf[64];
	int n = snprintf(buf, sizeof buf, "%s-%d-%.2f", "snp", 99, 1.005);
	printf("snprintf %d [%s]\n", n, buf);
	n = snprintf(buf, 8, "%s", "0123456789abc");
	printf("truncated %d [%s]\n", n, buf);
	fputs("fputs line\n", stdout);
	puts("puts line");
	fprintf(stderr, "to stderr\n");
	printf("no newline at the end, flushed by exit");
	return 0;
}
