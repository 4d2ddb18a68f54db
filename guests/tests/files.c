/* stdio on files: fopen/fwrite/fread/fseek/ftell/fgets/fscanf, stat, rename,
 * remove, in the scratch directory argv[1]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
	if (argc < 2 || chdir(argv[1])) { perror("chdir"); return 1; }
	FILE *f = fopen("data.txt", "w");
	if (!f) { perror("fopen w"); return 1; }
	for (int i = 0; i < 1000; i++) fprintf(f, "line %d value %d\n", i, i * i);
	printf("ftell after write %ld\n", ftell(f));
	fclose(f);

	struct stat st;
	if (stat("data.txt", &st)) { perror("stat"); return 1; }
	printf("size %lld regular %d mode %o\n", (long long)st.st_size, S_ISREG(st.st_mode), st.st_mode & 0777 & ~022);

	f = fopen("data.txt", "r");
	char line[128];
	int n = 0;
	long long total = 0;
	while (fgets(line, sizeof line, f)) {
		int a, b;
		if (sscanf(line, "line %d value %d", &a, &b) == 2) total += b;
		n++;
	}
	printf("read %d lines, sum %lld, eof %d\n", n, total, feof(f));
	fseek(f, 5000, SEEK_SET);
	fgets(line, sizeof line, f);
	printf("at 5000: [%.*s]\n", (int)strcspn(line, "\n"), line);
	rewind(f);
	int a, b;
	fscanf(f, "line %d value %d", &a, &b);
	printf("fscanf %d %d\n", a, b);
	fclose(f);

	/* binary data with fwrite/fread */
	f = fopen("bin.dat", "wb+");
	double v[512];
	for (int i = 0; i < 512; i++) v[i] = i * 0.5;
	printf("fwrite %zu\n", fwrite(v, sizeof v[0], 512, f));
	fseek(f, 100 * sizeof(double), SEEK_SET);
	double w[4];
	size_t got = fread(w, sizeof w[0], 4, f);
	printf("fread %zu: %g %g %g %g\n", got, w[0], w[1], w[2], w[3]);
	fseek(f, 0, SEEK_END);
	printf("size %ld\n", ftell(f));
	fclose(f);

	/* append mode, rename, remove, errors */
	f = fopen("data.txt", "a");
	fputs("appended\n", f);
	fclose(f);
	stat("data.txt", &st);
	printf("after append %lld\n", (long long)st.st_size);
	printf("rename %d\n", rename("data.txt", "renamed.txt"));
	printf("fopen missing: %s\n", fopen("data.txt", "r") ? "opened?" : strerror(errno));
	printf("remove %d %d\n", remove("renamed.txt"), remove("bin.dat"));
	printf("remove missing %d %s\n", remove("bin.dat"), strerror(errno));

	/* low-level I/O with pread/pwrite and ftruncate */
	int fd = open("raw", O_RDWR | O_CREAT | O_TRUNC, 0644);
	printf("pwrite %zd\n", pwrite(fd, "abcdefgh", 8, 100));
	char r[9] = {0};
	printf("pread %zd [%s]\n", pread(fd, r, 8, 102), r);
	printf("ftruncate %d\n", ftruncate(fd, 50));
	fstat(fd, &st);
	printf("size %lld\n", (long long)st.st_size);
	close(fd);
	unlink("raw");
	return 0;
}
