// covers: kill ok
/* SIGSEGV sent by another process (not a fault): the default action kills by
 * the signal, a handler runs, SIG_IGN ignores it, as natively (wali-run keeps
 * real faults as traps). */
#include "ct.h"
#include <signal.h>
static volatile int got;
static void h(int s){ got = s; }
int main(void){ setvbuf(stdout, NULL, _IONBF, 0);
  pid_t c = fork();
  if (c == 0) { sleep(2); _exit(0); }
  usleep(100000); kill(c, SIGSEGV); int st; waitpid(c, &st, 0);
  printf("default: signaled=%d sig=%d\n", WIFSIGNALED(st), WIFSIGNALED(st) ? WTERMSIG(st) : 0);
  c = fork();
  if (c == 0) { signal(SIGSEGV, h); for (int i = 0; i < 200 && !got; i++) usleep(10000); _exit(got == SIGSEGV ? 7 : 1); }
  usleep(100000); T(kill(c, SIGSEGV)); waitpid(c, &st, 0);
  printf("handler: exited=%d status=%d\n", WIFEXITED(st), WEXITSTATUS(st));
  c = fork();
  if (c == 0) { signal(SIGSEGV, SIG_IGN); usleep(300000); _exit(5); }
  usleep(100000); T(kill(c, SIGSEGV)); waitpid(c, &st, 0);
  printf("ignored: exited=%d status=%d\n", WIFEXITED(st), WEXITSTATUS(st));
  return 0;
}
