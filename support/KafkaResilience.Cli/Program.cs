Console.Error.WriteLine("kafka-resilience: no commands yet");
return 2;
