// A download written as it is read: text chunks from an async generator become a byte stream
// that asks for the next chunk only when the client has taken the last (pull-based), so a large
// export never sits in memory whole, and a client that goes away stops the generator's reads.
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
